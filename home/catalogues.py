"""The interface catalogues (locale/<lang>/LC_MESSAGES/django.po) and what must never be missing.

Untranslated strings fall back to Swedish. For most strings that is acceptable for a while; for
the ones a person in danger needs in their own language it is not: ``SAFETY_CRITICAL`` lists
those msgids, and a test fails if any site language lacks one (or if a msgid no longer occurs in
the code, so the list cannot rot). ``manage.py catalogue_report`` regenerates the catalogues and
reports the gaps.
"""

from pathlib import Path

import polib
from django.conf import settings

SAFETY_CRITICAL = [
    # Quick exit (button, keyboard hint, screen-reader status messages)
    "Lämna sidan snabbt",
    "eller tryck på Skift tre gånger",
    "Tryck på Skift två gånger till för att lämna sidan",
    "Tryck på Skift en gång till för att lämna sidan",
    "Snabbutgången avbröts",
    "Lämnar sidan",
    # Skip link
    "Hoppa till innehållet",
    # Language switcher
    "Andra språk",
    # Help numbers (footer and audience pages; labels come from home.HelpNumber)
    "Behöver du hjälp nu?",
    "Hjälpnummer",
    "Larmnummer 112",
    "Polisen",
    "Kvinnofridslinjen",
    "Rätt att välja",
    "Socialjouren",
    "Socialjouren i %(municipality)s",
    "Nexus resurscentrum",
    "Vid akut fara",
    "När det inte är akut",
    "Dygnet runt, gratis och anonymt",
    "Om hedersrelaterat våld, gratis och anonymt",
    "Kvällar, nätter och helger",
    "Råd och stöd, du kan vara anonym",
    # The "contact Nexus" block: anonymity and what it does not cover
    "Kontakta Nexus",
    "Ring oss:",
    "Öppettider:",
    "Du kan vara anonym",
    "Du behöver inte säga ditt namn när du ringer. Vi skriver inte ner vem du är. "
    "Du bestämmer själv vad du vill berätta.",
    "Det här är bra att veta",
    "Om du berättar att ett barn far illa måste vi och andra som arbetar med barn anmäla det till "
    "socialtjänsten. Det gäller även om du är anonym.",
    "Det du skickar skriftligt till oss, till exempel e-post, blir en allmän handling. Andra kan ha "
    "rätt att läsa den. Ring eller besök oss hellre om du vill berätta något personligt.",
    "Vid akut fara, ring 112.",
]

# Search (/sok/) is built in parallel by another branch; its msgids are translated here already.
SEARCH = ["Sök", "Sökord", "Sökresultat", "Inga träffar"]

MAKEMESSAGES_IGNORE = ["var/*", "tests/*", ".venv/*", "node_modules/*"]


def catalogue_path(code):
    """The source catalogue (.po) of ``code``, as translators edit it."""
    return Path(settings.NEXUS_CATALOGUE_DIR) / code / "LC_MESSAGES" / "django.po"


def load(code):
    return polib.pofile(str(catalogue_path(code)))


def is_translated(entry):
    """Translated, not fuzzy: plural entries keep their forms in ``msgstr_plural``, all non-empty."""
    if entry is None or entry.fuzzy or entry.obsolete:
        return False
    if entry.msgid_plural:
        return bool(entry.msgstr_plural) and all(entry.msgstr_plural.values())
    return bool(entry.msgstr)


def missing(code, msgids):
    """The msgids of ``msgids`` that the catalogue of ``code`` does not translate."""
    catalogue = load(code)
    return [msgid for msgid in msgids if not is_translated(catalogue.find(msgid))]


def report(code):
    catalogue = load(code)
    entries = [e for e in catalogue if not e.obsolete]
    public = [e for e in entries if any(path.startswith("templates/") for path, _line in e.occurrences)]
    return {
        "code": code,
        "total": len(entries),
        "untranslated": sum(1 for e in entries if not is_translated(e)),
        "public_untranslated": [e.msgid for e in public if not is_translated(e)],
        "safety_critical_missing": missing(code, SAFETY_CRITICAL + SEARCH),
    }


def compile_all(target=None):
    """Compile every source catalogue to .mo (polib: no GNU gettext needed); returns the count.

    The .mo files go to ``target`` (default: the first of ``LOCALE_PATHS``, where Django reads
    them; the source folder itself outside the tests). Used by ``manage.py compile_catalogues``
    and by the test session, which compiles into a temporary folder of its own.
    Raises ValueError or OSError on a broken catalogue.
    """
    source = Path(settings.NEXUS_CATALOGUE_DIR)
    target = Path(target or settings.LOCALE_PATHS[0])
    count = 0
    for po_path in sorted(source.glob("*/LC_MESSAGES/*.po")):
        mo_path = target / po_path.relative_to(source).with_suffix(".mo")
        mo_path.parent.mkdir(parents=True, exist_ok=True)
        polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
        count += 1
    return count

"""Every catalogue compiles; safety-critical strings are translated in every site language."""

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import translation

from home.catalogues import SAFETY_CRITICAL, SEARCH, catalogue_path, is_translated, missing

CODES = [code for code, _name in settings.LANGUAGES]
ROOT = Path(settings.BASE_DIR)


def project_sources():
    for folder in ("templates", "channels", "home", "news", "training", "press", "workflows", "nexus_cms"):
        for path in (ROOT / folder).rglob("*"):
            if path.suffix in {".html", ".py", ".txt"} and "migrations" not in path.parts:
                yield path.read_text()


def source_text():
    # Python wraps long msgids over several literals: join adjacent "…" "…" pieces.
    text = "\n".join(project_sources())
    return re.sub(r'"\s*\n\s*"', "", text)


@pytest.mark.parametrize("code", CODES)
def test_every_catalogue_parses_and_compiles(code, tmp_path):
    catalogue = polib.pofile(str(catalogue_path(code)))
    mo_path = tmp_path / "django.mo"
    catalogue.save_as_mofile(str(mo_path))
    assert polib.mofile(str(mo_path)).percent_translated() > 0
    placeholders = re.compile(r"%\(\w+\)[sd]")
    for entry in catalogue:
        if not is_translated(entry):
            continue
        if entry.msgid_plural:
            # A plural form may leave the count out ("one result"), never add an unknown name.
            known = set(placeholders.findall(entry.msgid)) | set(placeholders.findall(entry.msgid_plural))
            for form in entry.msgstr_plural.values():
                assert set(placeholders.findall(form)) <= known, entry.msgid
        else:
            # Placeholders must survive translation or Django raises at render time.
            assert set(placeholders.findall(entry.msgid)) == set(placeholders.findall(entry.msgstr)), entry.msgid


def test_compile_command_compiles_every_catalogue(settings, tmp_path):
    settings.LOCALE_PATHS = [tmp_path]
    call_command("compile_catalogues")
    for code in CODES:
        compiled = polib.mofile(str(tmp_path / code / "LC_MESSAGES" / "django.mo"))
        assert compiled.percent_translated() > 0


@pytest.mark.parametrize("code", CODES)
def test_safety_critical_strings_are_translated(code):
    assert missing(code, SAFETY_CRITICAL + SEARCH) == []


@pytest.mark.parametrize("code", [code for code in CODES if code != settings.LANGUAGE_CODE])
def test_safety_critical_translations_are_active(code):
    call_command("compile_catalogues")
    translation.trans_real._translations = {}
    with translation.override(code):
        for msgid in SAFETY_CRITICAL:
            assert translation.gettext(msgid) != msgid, (code, msgid)


def test_every_safety_critical_msgid_occurs_in_the_code():
    text = source_text()
    assert [msgid for msgid in SAFETY_CRITICAL if msgid not in text] == []


def test_search_msgids_occur_in_the_code():
    text = source_text()
    assert [msgid for msgid in SEARCH if f'"{msgid}"' not in text and f"'{msgid}'" not in text] == []


def test_swedish_and_english_cover_every_public_template_string():
    for code in ("sv", "en"):
        catalogue = polib.pofile(str(catalogue_path(code)))
        public = [e for e in catalogue if any(p.startswith("templates/") for p, _ in e.occurrences)]
        public = [e for e in public if not any(p.startswith("templates/home/admin/") for p, _ in e.occurrences)]
        assert [e.msgid for e in public if not is_translated(e)] == [], code


def test_catalogue_report_without_extraction(capsys):
    call_command("catalogue_report", "--no-extract", "--strict")
    out = capsys.readouterr().out
    assert "ar: " in out and "0 safety-critical missing" in out

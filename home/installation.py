"""What every installation needs, built idempotently by ``manage.py setup_site``.

For every site language: its Locale, a live home page (the Swedish one is the Site root) and the
section indexes and the privacy notice, with titles from the gettext catalogues; then the editorial set-up
(organisations, groups, sections, collections, permissions, workflow) and the national help
numbers, and the database cache's table where that cache is used. No users and no content: the demo (``load_demo``) adds those on top.

The index page models are found through ``workflows.editorial.section_index_models()``, so this
base layer never imports the content apps; each index model carries its own set-up attributes
(``setup_title``, ``setup_slug``, ``setup_translated_slug``, ``setup_order``).
"""

from django.conf import settings
from django.core.management import call_command
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page, Site

from workflows.editorial import section_index_models, setup_editorial
from workflows.snippets import publish_initial

from . import page_cache
from .addresses import site_address
from .models import (
    COLLABORATION_SENTENCE,
    CollaborationSentence,
    HelpNumber,
    HomePage,
    MaterialKitPage,
    PrivacyNoticePage,
)

HOME_TITLE = _("Startsida")
HOME_LEAD = _("Stöd och kunskap mot hedersrelaterat våld i Uppsala län.")
HOME_SLUG = "startsida"
SITE_NAME = "Nexus"

# The central help numbers every installation starts with: (service, number, in footer,
# verified, sort order). Rätt att välja stays unverified until it is confirmed before launch.
BASE_HELP_NUMBERS = [
    (HelpNumber.Service.EMERGENCY, "112", True, True, 10),
    (HelpNumber.Service.POLICE, "114 14", False, True, 20),
    (HelpNumber.Service.KVINNOFRIDSLINJEN, "020-50 50 50", True, True, 30),
    (HelpNumber.Service.RATT_ATT_VALJA, "020-57 70 70", False, False, 40),
]


def language_codes():
    """The site languages, Swedish first: LANGUAGES and WAGTAIL_CONTENT_LANGUAGES together."""
    codes = [settings.LANGUAGE_CODE]
    for code, _name in [*settings.LANGUAGES, *settings.WAGTAIL_CONTENT_LANGUAGES]:
        if code not in codes:
            codes.append(code)
    return codes


def translated(text, code):
    with translation.override(code):
        return str(text)


def ensure_locales():
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code in language_codes()}


def ensure_home_pages(locales):
    """A live HomePage as the site root, with a live translation in every site language."""
    sv = locales[settings.LANGUAGE_CODE]
    home = HomePage.objects.filter(locale=sv, depth=2).first()
    if home is None:
        root = Page.get_first_root_node()
        home = root.add_child(
            instance=HomePage(
                title=translated(HOME_TITLE, sv.language_code),
                slug=HOME_SLUG,
                lead=translated(HOME_LEAD, sv.language_code),
                locale=sv,
            )
        )
        home.save_revision().publish()
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            site = Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
        old_root = site.root_page
        site.root_page = home
        site.site_name = SITE_NAME
        site.save()
        if old_root.specific_class is Page and old_root.id != home.id:
            old_root.delete()
    for code, locale in locales.items():
        if locale == sv or home.has_translation(locale):
            continue
        # Installation, not content: the translated home pages go live at once.
        page = home.copy_for_translation(locale)
        page.title = translated(HOME_TITLE, code)
        page.lead = translated(HOME_LEAD, code)
        page.save_revision().publish()
    return home


def index_models():
    return sorted(section_index_models(), key=lambda model: model.setup_order)


def ensure_index_pages(home, locales):
    for model in index_models():
        source = model.objects.filter(locale=home.locale).first()
        if source is None:
            source = home.add_child(
                instance=model(
                    title=translated(model.setup_title, home.locale.language_code),
                    slug=model.setup_slug,
                    locale=home.locale,
                    # In the main navigation from the start; translations copy the flag.
                    show_in_menus=True,
                )
            )
            source.save_revision().publish()
        for code, locale in locales.items():
            if locale == home.locale or source.has_translation(locale):
                continue
            page = source.copy_for_translation(locale)
            page.title = translated(model.setup_title, code)
            page.slug = model.setup_translated_slug
            page.save_revision().publish()


def ensure_privacy_notice(home, locales, model=PrivacyNoticePage):
    """The privacy notice (or another ``setup_*`` page) in every language: installation, not
    content, so live at once."""
    source = model.objects.child_of(home).first()
    if source is None:
        code = home.locale.language_code
        source = home.add_child(
            instance=model(title=translated(model.setup_title, code), slug=model.setup_slug, locale=home.locale)
        )
        source.save_revision().publish()
    for code, locale in locales.items():
        if locale == home.locale or source.has_translation(locale):
            continue
        page = source.copy_for_translation(locale)
        page.title = translated(model.setup_title, code)
        page.slug = model.setup_translated_slug
        page.save_revision().publish()


def ensure_collaboration_sentence():
    """The Swedish collaboration sentence as an approved snippet (changes then go through approval)."""
    locale = Locale.get_default()
    sentence = CollaborationSentence.objects.filter(locale=locale).first()
    if sentence is None:
        with translation.override(locale.language_code):
            sentence = CollaborationSentence.objects.create(locale=locale, text=str(COLLABORATION_SENTENCE))
    publish_initial(sentence)


def ensure_site_address():
    """The default Site answers at the public address, so full URLs of pages use it."""
    hostname, port = site_address()
    site = Site.objects.get(is_default_site=True)
    if (site.hostname, site.port) != (hostname, port):
        site.hostname, site.port = hostname, port
        site.save(update_fields=["hostname", "port"])


def ensure_help_numbers():
    for service, number, in_footer, verified, order in BASE_HELP_NUMBERS:
        help_number, _created = HelpNumber.objects.get_or_create(
            service=service,
            organisation=None,
            defaults={"number": number, "show_in_footer": in_footer, "verified": verified, "sort_order": order},
        )
        publish_initial(help_number)


@transaction.atomic
def setup_site():
    """Build (or complete) the installation; returns the Swedish home page."""
    # First: saving pages already uses the cache. The database cache's table (production without
    # Redis); a no-op for other cache backends.
    call_command("createcachetable", verbosity=0)
    locales = ensure_locales()
    home = ensure_home_pages(locales)
    ensure_index_pages(home, locales)
    ensure_privacy_notice(home, locales)
    ensure_privacy_notice(home, locales, MaterialKitPage)
    ensure_collaboration_sentence()
    ensure_site_address()
    setup_editorial()
    ensure_help_numbers()
    # Run on every upgrade: pages cached under the previous templates are stale.
    page_cache.invalidate()
    return home

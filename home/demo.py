"""The site structure and demo content, built from code; every function is idempotent.

``build_structure()`` is what any installation needs (languages, a home page per language tree,
the section indexes, the editorial set-up); tests use it as their baseline. ``load_demo`` adds
believable Swedish content and the demo users on top.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Locale, Page

from workflows.editorial import PROJECT_LEADERS_GROUP, TRANSLATORS_GROUP
from workflows.models import Organisation

from . import demo_pages
from .models import HelpNumber


def build_structure():
    from .installation import setup_site

    return setup_site()


def demo_password():
    import os

    return os.environ.get("NEXUS_DEMO_PASSWORD", "nexus-demo")


def ensure_demo_users():
    """The demo logins from the README. Never created by production settings."""
    User = get_user_model()
    password = demo_password()

    def user(username, first_name, last_name, groups=(), superuser=False):
        account, created = User.objects.get_or_create(
            username=username,
            defaults={
                "first_name": first_name,
                "last_name": last_name,
                "email": f"{username}@nexus.example",
                "is_superuser": superuser,
                "is_staff": superuser,
            },
        )
        if created:
            account.set_password(password)
            account.save()
        for name in groups:
            account.groups.add(Group.objects.get(name=name))
        return account

    user("admin", "Ada", "Administratör", superuser=True)
    user("projektledare", "Parisa", "Projektledare", [PROJECT_LEADERS_GROUP])
    user("samordnare", "Sami", "Samordnare", [PROJECT_LEADERS_GROUP])
    user("oversattare", "Omid", "Översättare", [TRANSLATORS_GROUP])
    for organisation in Organisation.objects.all():
        user(
            f"kommunikator-{organisation.slug}",
            "Kommunikatör",
            organisation.short_name,
            [organisation.communicators_group_name],
        )


def load_demo():
    home = build_structure()
    ensure_demo_users()
    # Each content app adds its own demo content on top of the structure.
    from news import demo as news_demo
    from press import demo as press_demo
    from training import demo as training_demo

    for module in (news_demo, training_demo, press_demo):
        module.load_demo(home)
    load_audience_demo(home)
    demo_pages.load_demo(home)
    return home


# --- Audience pages ------------------------------------------------------------------------

# Socialjour per municipality: placeholders until each number is checked with the municipality
# (domain.md: verify each before launch). They are stored with verified=False.
DEMO_SOCIALJOUR = {
    "uppsala-kommun": "018-727 00 00",
    "enkopings-kommun": "0171-62 50 00",
    "heby-kommun": "0224-360 00",
    "habo-kommun": "0171-525 00",
    "knivsta-kommun": "018-34 70 00",
    "tierps-kommun": "0293-21 80 00",
    "alvkarleby-kommun": "026-830 00",
    "osthammars-kommun": "0173-860 00",
}
DEMO_NEXUS_NUMBER = "018-727 00 00"


def ensure_demo_help_numbers():
    for order, (slug, number) in enumerate(DEMO_SOCIALJOUR.items()):
        organisation = Organisation.objects.filter(slug=slug).first()
        if organisation is None:
            continue
        HelpNumber.objects.get_or_create(
            service=HelpNumber.Service.SOCIALJOUR,
            organisation=organisation,
            defaults={"number": number, "verified": False, "sort_order": 100 + order},
        )
    HelpNumber.objects.get_or_create(
        service=HelpNumber.Service.NEXUS,
        organisation=None,
        defaults={"number": DEMO_NEXUS_NUMBER, "verified": False, "sort_order": 5},
    )


def _body(page_texts):
    from django.utils.html import escape
    from wagtail.rich_text import RichText

    blocks = []
    for kind, value in page_texts["body"]:
        if kind == "h":
            blocks.append(("heading", {"text": value, "size": "h2"}))
        elif kind == "p":
            blocks.append(("paragraph", RichText("".join(f"<p>{escape(text)}</p>" for text in value))))
        else:
            items = "".join(f"<li>{escape(text)}</li>" for text in value)
            blocks.append(("paragraph", RichText(f"<ul>{items}</ul>")))
    return blocks


def _audience_page(parent, texts, easy_to_read=False):
    from .models import AudiencePage

    page = AudiencePage.objects.child_of(parent).filter(slug=texts["slug"]).first()
    if page is not None:
        return page
    page = AudiencePage(
        title=texts["title"],
        slug=texts["slug"],
        lead=texts["lead"],
        body=_body(texts),
        contact_hours=texts["hours"],
        contact_text=texts["contact"],
        easy_to_read=easy_to_read,
        locale=parent.locale,
    )
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def translate_through_approval(source_page, code, texts, translator, approver):
    """Translate ``source_page`` the way translators do, then approve it as Projektledning.

    The strings go in as a PO file (what a translation agency sends back), the translation is
    saved as a draft and submitted to the page's workflow, and the approval publishes it.
    """
    import polib
    from wagtail_localize.models import Translation, TranslationSource
    from wagtail_localize.segments import StringSegmentValue
    from wagtail_localize.segments.extract import extract_segments

    from workflows.translations import save_translation_draft

    from .demo_texts import flatten

    locale = Locale.objects.get(language_code=code)
    if source_page.has_translation(locale):
        return source_page.get_translation(locale)
    source, _created = TranslationSource.get_or_create_from_instance(source_page)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    segments = [s for s in extract_segments(source_page) if isinstance(s, StringSegmentValue)]
    strings = flatten(texts)
    if len(segments) != len(strings):
        raise ValueError(f"{source_page.slug}/{code}: {len(strings)} strings for {len(segments)} segments")
    po = polib.POFile(wrapwidth=200)
    po.metadata = {"MIME-Version": "1.0", "Content-Type": "text/plain; charset=utf-8"}
    for segment, text in zip(segments, strings, strict=True):
        po.append(polib.POEntry(msgid=segment.string.data, msgctxt=segment.path, msgstr=text))
    translation.import_po(po, user=translator, tool_name="Nexus demo")
    page = save_translation_draft(translation, translator)
    page.get_workflow().start(page, translator)
    page = Page.objects.get(pk=page.pk).specific
    page.current_workflow_task_state.approve(user=approver)
    return Page.objects.get(pk=page.pk).specific


def load_audience_demo(home):
    """The five audience pages (all in Arabic too), easy-to-read versions, two pages in all eight languages."""
    from .demo_texts import ARABIC_OTHERS, EASY_TO_READ, RELATIVES, SWEDISH_ONLY, VICTIMS

    ensure_demo_help_numbers()
    User = get_user_model()
    translator = User.objects.filter(groups__name=TRANSLATORS_GROUP).order_by("id").first()
    approver = User.objects.filter(groups__name=PROJECT_LEADERS_GROUP).order_by("id").first()

    victims = _audience_page(home, VICTIMS["sv"])
    relatives = _audience_page(home, RELATIVES["sv"])
    others = [_audience_page(home, texts) for texts in SWEDISH_ONLY]
    about = others[-1]
    for page in (victims, relatives):
        _audience_page(page, EASY_TO_READ[page.slug], easy_to_read=True)

    # Related pages, set once on the Swedish pages (translations map them to their language).
    for page, related in ((victims, [relatives, about]), (relatives, [victims, about]), (about, [victims, relatives])):
        if not page.related_pages:
            page.related_pages = [("page", other) for other in related]
            page.save_revision().publish()
            page.refresh_from_db()

    if translator is None or approver is None:
        return
    for source_page, texts in ((victims, VICTIMS), (relatives, RELATIVES)):
        for code in texts:
            if code != home.locale.language_code:
                translate_through_approval(source_page, code, texts[code], translator, approver)
    for source_page in others:
        translate_through_approval(source_page, "ar", ARABIC_OTHERS[source_page.slug], translator, approver)

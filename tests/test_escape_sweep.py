"""Escape sweep: a script payload in every editable text field of every page type and public snippet
never appears unescaped on a public page or an admin listing.

Page types are discovered (``get_page_models``), so a new page type without a recipe here fails
the test instead of escaping the sweep. Rich text goes through the editor's own converter (what
the admin stores); plain fields and StreamField text blocks get the payload as it is.
"""

import pytest
from django.db import models
from django.urls import reverse
from django.utils import timezone
from wagtail import blocks
from wagtail.admin.rich_text.converters.editor_html import EditorHTMLConverter
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, get_page_models

from channels.models import NewsletterPage
from home.models import AudiencePage, HelpNumber, StandardPage
from news.models import NewsIndexPage, NewsPage
from press.models import PressReleasePage, PressRoomPage, Spokesperson
from tests.factories import add_page, organisation, section_of
from tests.helpers.training import make_training
from training.models import TrainingPage
from workflows.models import Organisation

PAYLOAD = "<script>alert(1)</script><img src=x onerror=alert(2)>\"'><b>x"
# What must never be in a response: the payload's markup, whole or cut to a field's length.
# ("<b>" is allowed rich text, so it only shows that plain fields are escaped: not a marker.)
RAW_MARKERS = ["<script>alert", "<img src=x"]
SKIPPED_FIELDS = {"slug", "url_path", "path", "draft_title", "translation_key", "seo_title_placeholder"}


def payload_for(field):
    return PAYLOAD[: field.max_length] if field.max_length else PAYLOAD


def is_free_text(field):
    return (
        isinstance(field, models.CharField | models.TextField)
        and not isinstance(field, models.EmailField | models.URLField | models.SlugField)
        and type(field).__module__.startswith("django.")  # custom fields (e.g. target groups) hold codes
        and not field.choices
        and field.editable
        and field.name not in SKIPPED_FIELDS
    )


def stream_value(block):
    """A raw value for ``block`` with the payload in every text block; None where not practical."""
    if isinstance(block, blocks.RichTextBlock):
        return EditorHTMLConverter(features=block.features).to_database_format(f"<p>{PAYLOAD}</p>")
    if isinstance(block, blocks.ChooserBlock | blocks.URLBlock | blocks.EmailBlock | blocks.ChoiceBlock):
        return None
    if isinstance(block, blocks.CharBlock | blocks.TextBlock):
        return PAYLOAD[: block.field.max_length] if block.field.max_length else PAYLOAD
    if isinstance(block, blocks.StructBlock):
        value = {}
        for name, child in block.child_blocks.items():
            child_value = stream_value(child)
            if child_value is None and child.required and not isinstance(child, blocks.ChoiceBlock):
                return None  # needs an image or a page: not practical here
            if child_value is not None:
                value[name] = child_value
        return value
    if isinstance(block, blocks.ListBlock):
        child = stream_value(block.child_block)
        return None if child is None else [child]
    if isinstance(block, blocks.StreamBlock):
        children = [(name, stream_value(child)) for name, child in block.child_blocks.items()]
        return [(name, value) for name, value in children if value is not None] or None
    return None


def fill(instance):
    for field in instance._meta.get_fields():
        if isinstance(field, RichTextField):
            setattr(instance, field.name, EditorHTMLConverter().to_database_format(f"<p>{PAYLOAD}</p>"))
        elif isinstance(field, StreamField):
            value = stream_value(field.stream_block)
            if value:
                setattr(instance, field.name, value)
        elif isinstance(field, models.Field) and is_free_text(field) and not field.primary_key:
            setattr(instance, field.name, payload_for(field))
    return instance


def police():
    return organisation("polismyndigheten")


RECIPES = {
    NewsletterPage: lambda home: add_page(home, NewsletterPage, "Nyhetsbrev", slug="nyhetsbrev", intro="<p>x</p>"),
    AudiencePage: lambda home: add_page(home, AudiencePage, "Målgrupp", slug="malgrupp", lead="x"),
    StandardPage: lambda home: add_page(home, StandardPage, "Om", slug="om", lead="x"),
    NewsPage: lambda home: add_page(
        section_of(NewsIndexPage, police()), NewsPage, "Nyhet", lead="x", date=timezone.now()
    ),
    TrainingPage: lambda home: make_training(),
    PressReleasePage: lambda home: add_page(
        section_of(PressRoomPage, police()),
        PressReleasePage,
        "Pressmeddelande",
        lead="x",
    ),
}


def page_of(model, home):
    existing = model.objects.live().filter(locale=home.locale).first()
    if existing is not None:
        return existing
    assert model in RECIPES, f"no escape-sweep recipe for {model.__name__}"
    return RECIPES[model](home)


def assert_escaped(response, where):
    assert response.status_code == 200, (where, response.status_code)
    html = response.content.decode()
    for marker in RAW_MARKERS:
        assert marker not in html, (where, marker)


@pytest.fixture
def swept_pages(home):
    pages = []
    for model in get_page_models():
        if model is Page:
            continue
        page = page_of(model, home).specific
        fill(page)
        page.title = PAYLOAD
        page.save_revision().publish()
        pages.append(Page.objects.get(pk=page.pk).specific)
    return pages


@pytest.fixture
def swept_snippets(home):
    org = Organisation.objects.get(slug="polismyndigheten")
    org.name = PAYLOAD[: Organisation._meta.get_field("name").max_length]
    org.save()
    person = Spokesperson(organisation=org, email="press@example.org")
    fill(person).save()
    number = HelpNumber.objects.filter(organisation=None).first()
    fill(number).save()
    return [org, person, number]


def test_no_payload_unescaped_on_public_pages(client, swept_pages, swept_snippets, home):
    assert len(swept_pages) >= 10
    for page in swept_pages:
        assert_escaped(client.get(page.url), page.specific_class.__name__)
    for url in ["/", "/nyheter/", "/nyheter/rss/", "/press/", "/press/atom/", "/utbildningar/"]:
        assert_escaped(client.get(url), url)
    assert_escaped(client.get("/sok/", {"q": PAYLOAD}), "search")


def test_no_payload_unescaped_in_admin_listings(client, swept_pages, swept_snippets, make_user):
    client.force_login(make_user("admin", superuser=True))
    for page in swept_pages:
        assert_escaped(client.get(reverse("wagtailadmin_explore", args=[page.get_parent().id])), page.title)
        assert_escaped(client.get(reverse("wagtailadmin_pages:edit", args=[page.id])), f"edit {page.id}")
    for snippet in swept_snippets:
        meta = snippet._meta
        listing = reverse(f"wagtailsnippets_{meta.app_label}_{meta.model_name}:list")
        assert_escaped(client.get(listing), listing)
    assert_escaped(client.get(reverse("wagtailadmin_pages:search"), {"q": "script"}), "admin search")
    assert_escaped(client.get(reverse("wagtailadmin_home")), "dashboard")

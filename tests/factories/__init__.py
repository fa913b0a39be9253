"""Test factories: small helpers that build pages the way editors do (as revisions)."""

from wagtail.models import Page

from workflows.models import Organisation


def add_page(parent, model, title, publish=True, **fields):
    """Create ``model`` under ``parent`` in the parent's locale; publish it unless told not to."""
    fields.setdefault("slug", None)
    if fields["slug"] is None:
        from django.utils.text import slugify

        fields["slug"] = slugify(title)
    if not publish:
        # Page.live defaults to True: a draft must say otherwise or it is public at once.
        fields.setdefault("live", False)
    page = model(title=title, locale=parent.locale, **fields)
    parent.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
        page.refresh_from_db()
    return page


def section_of(index_model, organisation, language="sv"):
    """The organisation's section under the index of ``index_model`` in ``language``."""
    index = index_model.objects.get(locale__language_code=language)
    return Page.objects.child_of(index).get(slug=organisation.slug).specific


def organisation(slug):
    return Organisation.objects.get(slug=slug)

"""Admin for the press room: spokespersons; documents of unpublished releases stay private."""

from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.models import Page, ReferenceIndex
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from workflows.snippet_admin import PublicSnippetViewSet

from .models import PressSubscriber, Spokesperson


class SpokespersonViewSet(PublicSnippetViewSet):
    model = Spokesperson
    icon = "user"
    menu_label = _("Talespersoner")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "title", "organisation", "phone", "email"]
    list_filter = ["organisation"]
    search_fields = ["name", "title", "topics"]


class PressSubscriberViewSet(SnippetViewSet):
    """Journalists' subscriptions: administrators only (no group is granted these permissions)."""

    model = PressSubscriber
    icon = "mail"
    menu_label = _("Prenumeranter (press)")
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["email", "language", "created_at", "confirmed_at"]
    search_fields = ["email"]
    form_fields = ["email", "language", "confirmed_at"]


register_snippet(SpokespersonViewSet)
register_snippet(PressSubscriberViewSet)


@hooks.register("before_serve_document")
def refuse_documents_of_unpublished_pages(document, request):
    """404 for a document whose only references are pages that are not live (e.g. under embargo).

    A document nobody references (the library) or one referenced by a live page is served as
    usual. Editors who can use the admin still get it, to check their drafts.
    """
    if request.user.is_authenticated and request.user.has_perm("wagtailadmin.access_admin"):
        return None
    references = ReferenceIndex.get_references_to(document)
    page_type = ReferenceIndex._get_base_content_type(Page)
    page_ids = set()
    for base_content_type_id, object_id in references.values_list("base_content_type_id", "object_id"):
        if base_content_type_id != page_type.id:
            return None  # used by something other than a page (a snippet, a setting)
        page_ids.add(object_id)
    if page_ids and not Page.objects.filter(pk__in=page_ids, live=True).exists():
        raise Http404
    return None

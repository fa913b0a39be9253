"""Images and documents under the one publishing rule.

A communicator uploads images and documents into their organisation's collection and uses them
in drafts. What a live page already shows of one (the file and its public text: title, alt
text, credit, caption, licence) changes only through Projektledning; a communicator uploads a
new one and uses it in a new revision of the page, which is then approved as usual.

"Shown by a live page" is read from Wagtail's reference index. The index records a page's
*row*, which for a live page is its live content (a newer draft is only a revision), plus every
snippet or setting (those are always public). A page scheduled for publishing (an embargo) is not
live, so its scheduled revision is read as well: a change there would go public at go-live
without review.

Documents used only by unpublished pages are served to the editors of the document's collection;
documents of an embargoed page only to Projektledning and administrators until go-live.
"""

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm
from wagtail.models import Page, ReferenceIndex, Revision
from wagtail.permissions import policy_registry

from .activities import may_read_minutes
from .editorial import is_project_leader

PUBLIC_IMAGE_FIELDS = frozenset({"file", "title", "description", "credit", "licence", "caption"})
PUBLIC_DOCUMENT_FIELDS = frozenset({"file", "title"})


def _page_type_id():
    return ContentType.objects.get_for_model(Page).id


def referencing(obj):
    """(ids of pages whose row references ``obj``, whether anything else references it)."""
    page_type = _page_type_id()
    page_ids, elsewhere = set(), False
    for base_type, object_id in ReferenceIndex.get_references_to(obj).values_list("base_content_type_id", "object_id"):
        if base_type == page_type:
            page_ids.add(int(object_id))
        else:
            elsewhere = True  # a snippet or a setting: always public
    return page_ids, elsewhere


def _scheduled_revisions():
    return Revision.objects.filter(base_content_type_id=_page_type_id(), approved_go_live_at__isnull=False)


def _revision_references(revision, obj):
    target_type = ReferenceIndex._get_base_content_type(obj).id
    return any(
        type_id == target_type and object_id == str(obj.pk)
        for type_id, object_id, *_rest in ReferenceIndex._extract_references_from_object(revision.as_object())
    )


def scheduled_page_ids(obj):
    """Pages with a revision approved for a future go-live that uses ``obj``."""
    return {int(r.object_id) for r in _scheduled_revisions() if _revision_references(r, obj)}


def is_live_use(obj):
    """Does a live page (or a snippet/setting) show ``obj``, or will a scheduled one?"""
    page_ids, elsewhere = referencing(obj)
    if elsewhere or Page.objects.filter(pk__in=page_ids, live=True).exists():
        return True
    return bool(scheduled_page_ids(obj))


def may_change_public_media(user):
    return is_project_leader(user)


IMAGE_REFUSED = _(
    "Bilden används på en publicerad sida, så fil, titel, alt-text, fotograf, bildtext och licens "
    "ändras bara av projektledningen. Ladda upp en ny bild och använd den i en ny version av sidan, "
    "eller be projektledningen om ändringen."
)
DOCUMENT_REFUSED = _(
    "Dokumentet används på en publicerad sida, så fil och titel ändras bara av projektledningen. "
    "Ladda upp ett nytt dokument och använd det i en ny version av sidan, eller be projektledningen "
    "om ändringen."
)


class PublicMediaRuleMixin:
    """Refuses changes to the public fields of media a live page shows, unless Projektledning."""

    public_fields: frozenset = frozenset()
    refused_message = ""

    def __init__(self, *args, **kwargs):
        self.editing_user = kwargs.get("user")
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned_data = super().clean()
        changed = self.public_fields & set(self.changed_data)
        if (
            changed
            and self.instance.pk
            and not may_change_public_media(self.editing_user)
            and is_live_use(self.instance)
        ):
            error = ValidationError(self.refused_message, code="live_media")
            for field in sorted(changed):
                self.add_error(field, error)
        return cleaned_data


class ImageForm(PublicMediaRuleMixin, BaseImageForm):
    """``WAGTAILIMAGES_IMAGE_FORM_BASE``: the admin's image forms (edit, multiple upload)."""

    public_fields = PUBLIC_IMAGE_FIELDS
    refused_message = IMAGE_REFUSED


class DocumentForm(PublicMediaRuleMixin, BaseDocumentForm):
    """``WAGTAILDOCS_DOCUMENT_FORM_BASE``: the admin's document forms."""

    public_fields = PUBLIC_DOCUMENT_FIELDS
    refused_message = DOCUMENT_REFUSED


# --- deleting ---------------------------------------------------------------------------------

DELETE_REFUSED = _("Bilden eller dokumentet används på en publicerad sida och kan bara raderas av projektledningen.")

# (URL namespace, URL name) -> URL keyword holding the object's id.
DELETE_VIEWS = {
    ("wagtailimages", "delete"): "image_id",
    ("wagtailimages", "delete_multiple"): "image_id",
    ("wagtaildocs", "delete"): "document_id",
    ("wagtaildocs", "delete_multiple"): "doc_id",
}


def _media_model(namespace):
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    return get_image_model() if namespace == "wagtailimages" else get_document_model()


def refuses_delete(user, obj):
    return not may_change_public_media(user) and is_live_use(obj)


class MediaDeleteGuardMiddleware:
    """Wagtail has no before-delete hook for images and documents: refuse in front of the views.

    Wagtail treats delete like change on collections, so a communicator could delete any image
    of their collection, live ones included.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = getattr(request, "resolver_match", None)
        if match is None or not request.user.is_authenticated:
            return None
        key = (match.namespace, match.url_name)
        if key not in DELETE_VIEWS:
            return None
        obj = _media_model(match.namespace).objects.filter(pk=view_kwargs.get(DELETE_VIEWS[key])).first()
        if obj is None or not refuses_delete(request.user, obj):
            return None
        if match.url_name == "delete_multiple":
            raise Http404  # an XHR from the multiple uploader
        messages.error(request, DELETE_REFUSED)
        return redirect(f"{match.namespace}:index")


def refuse_bulk_delete(request, action_type, objects, action_class_instance):
    """``before_bulk_action``: bulk delete of live media, refused like the delete views."""
    if action_type != "delete":
        return None
    media_models = (_media_model("wagtailimages"), _media_model("wagtaildocs"))
    if any(isinstance(obj, media_models) and refuses_delete(request.user, obj) for obj in objects):
        messages.error(request, DELETE_REFUSED)
        return redirect("wagtailadmin_home")
    return None


# --- serving documents --------------------------------------------------------------------------


def is_embargoed(page_ids):
    """Any of these (non-live) pages scheduled, or planned, for a future go-live?"""
    if _scheduled_revisions().filter(object_id__in=[str(pk) for pk in page_ids]).exists():
        return True
    return Page.objects.filter(pk__in=page_ids, go_live_at__gt=timezone.now()).exists()


def may_download(user, document):
    """Documents in public use (or in nobody's use: the library) are public; the rest is not.

    A document used only by drafts is for the editors of its collection; one of an embargoed
    page (or a scheduled revision) only for Projektledning and administrators. The minutes of a
    network meeting are for the communicators' network only.
    """
    minutes = may_read_minutes(user, document)
    if minutes is not None:
        return minutes
    if is_project_leader(user):
        return True
    page_ids, elsewhere = referencing(document)
    if elsewhere or Page.objects.filter(pk__in=page_ids, live=True).exists():
        return True
    scheduled = scheduled_page_ids(document)
    if scheduled or is_embargoed(page_ids):
        return False
    if not page_ids:
        return True
    policy = policy_registry.get_by_type(type(document))
    return user.is_authenticated and policy.user_has_any_permission_for_instance(user, ["choose", "change"], document)


def guard_document_serving(document, request):
    """``before_serve_document``: 404 (not 403) so a refused download tells nothing."""
    if not may_download(request.user, document):
        raise Http404
    return None


# --- admin API ----------------------------------------------------------------------------------


def usable_media(user, model):
    """What the choosers offer ``user``: media of collections they may choose from (or change)."""
    policy = policy_registry.get_by_type(model)
    return policy.instances_user_has_any_permission_for(user, ["choose", "change"])


def usable_media_filter(user, model):
    return Q(pk__in=usable_media(user, model).values("pk"))


def admin_api_endpoints():
    """The admin API's image and document endpoints, limited to what the user may use.

    Wagtail's own exclude only private collections, so every editor listed every organisation's
    documents with their download URLs.
    """
    from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
    from wagtail.images.api.admin.views import ImagesAdminAPIViewSet

    class UsableQuerysetMixin:
        def get_queryset(self):
            return super().get_queryset().filter(usable_media_filter(self.request.user, self.model))

    class UsableDocumentsAPIViewSet(UsableQuerysetMixin, DocumentsAdminAPIViewSet):
        pass

    class UsableImagesAPIViewSet(UsableQuerysetMixin, ImagesAdminAPIViewSet):
        pass

    return {"documents": UsableDocumentsAPIViewSet, "images": UsableImagesAPIViewSet}

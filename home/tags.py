"""The admin's tag autocomplete, limited to tags an editor may already see.

Wagtail's own ``/admin/tag-autocomplete/`` lists every tag in the database, so an editor typing
two letters learns the tags of other organisations' unpublished drafts. This view answers with
the tags of live pages, the tags of pages the editor may edit (their own organisation's drafts;
everything for Projektledning) and the tags of images and documents in collections the editor
may use. Page tag models are found from the registry (any taggit through model of a page), so
this base layer imports no content app.
"""

from django.apps import apps
from django.db.models import Q
from django.http import JsonResponse
from taggit.models import ItemBase, Tag, TaggedItem
from wagtail.admin.auth import require_admin_access
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import policy_registry

LIMIT = 10  # as Wagtail's own view


def page_tag_models():
    """(through model, page model) for every taggit through model whose objects are pages."""
    for model in apps.get_models():
        if not issubclass(model, ItemBase) or model is TaggedItem:
            continue
        field = model._meta.get_field("content_object")
        if field.related_model is not None and issubclass(field.related_model, Page):
            yield model, field.related_model


def visible_tags(user):
    editable = PagePermissionPolicy().instances_user_has_permission_for(user, "change").values("pk")
    visible = Q()
    for through, page_model in page_tag_models():
        pages = page_model.objects.filter(Q(live=True) | Q(pk__in=editable)).values("pk")
        visible |= Q(pk__in=through.objects.filter(content_object__in=pages).values("tag_id"))
    for media_model in (get_image_model(), get_document_model()):
        policy = policy_registry.get_by_type(media_model)
        usable = policy.instances_user_has_any_permission_for(user, ["choose", "change"]).values("pk")
        visible |= Q(
            pk__in=TaggedItem.objects.filter(
                content_type__app_label=media_model._meta.app_label,
                content_type__model=media_model._meta.model_name,
                object_id__in=usable,
            ).values("tag_id")
        )
    return Tag.objects.filter(visible)


@require_admin_access
def autocomplete(request):
    term = request.GET.get("term", "")
    if not term:
        return JsonResponse([], safe=False)
    names = visible_tags(request.user).filter(name__istartswith=term).order_by("name")
    return JsonResponse(list(names.values_list("name", flat=True).distinct()[:LIMIT]), safe=False)

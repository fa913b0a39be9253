"""Unpublished pages stay out of sight for editors who cannot edit them.

Page ids are sequential, and the explorer (``/admin/pages/<id>/``), the page chooser
(``/admin/choose-page/<id>/``) and the chooser's "chosen" endpoint show the title of any page id
they are given. A page that is not live is shown only to those who may edit or publish it; the
chooser's listings are filtered by ``chooser_hides_other_organisations_drafts``.
"""

from django.http import Http404
from wagtail.models import Page

# URL name -> the keyword holding the page id (None: ids come as ?id= parameters).
GUARDED_VIEWS = {
    "wagtailadmin_explore": "parent_page_id",
    "wagtailadmin_explore_results": "parent_page_id",
    "wagtailadmin_choose_page_child": "parent_page_id",
    "wagtailadmin_choose_page_chosen_multiple": None,
}


def may_see(user, page):
    if page.live or user.is_superuser:
        return True
    permissions = page.permissions_for_user(user)
    return permissions.can_edit() or permissions.can_publish()


class DraftVisibilityMiddleware:
    """404 for those views when a requested page is unpublished and not the user's to edit."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = getattr(request, "resolver_match", None)
        if match is None or match.url_name not in GUARDED_VIEWS or match.namespace:
            return None
        if not request.user.is_authenticated:
            return None  # the admin's own login redirect applies
        keyword = GUARDED_VIEWS[match.url_name]
        ids = [view_kwargs[keyword]] if keyword else request.GET.getlist("id")
        pages = Page.objects.filter(pk__in=[pk for pk in ids if str(pk).isdigit()], live=False)
        if any(not may_see(request.user, page) for page in pages):
            raise Http404
        return None

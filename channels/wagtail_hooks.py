"""Admin for the channels: the screens' campaigns (a snippet under approval)."""

from functools import wraps

from django.contrib.admin.utils import unquote
from django.http import Http404
from django.urls import URLPattern
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from workflows.snippet_admin import (
    PublicSnippetChooseResultsView,
    PublicSnippetChooserViewSet,
    PublicSnippetChooseView,
    PublicSnippetChosenMultipleView,
    PublicSnippetChosenView,
    PublicSnippetViewSet,
    refuse,
)

from .campaigns import campaign_edit_handler, editable_campaigns
from .models import Campaign

OTHER_ORGANISATION_REFUSED = _("Du kan bara ändra din egen organisations kampanjer.")


class OwnOrganisationMixin:
    """The chooser offers only the campaigns the user may edit (never another organisation's)."""

    def visible(self, objects):
        return objects.filter(pk__in=editable_campaigns(self.request.user).values("pk"))


class CampaignChooseView(OwnOrganisationMixin, PublicSnippetChooseView):
    pass


class CampaignChooseResultsView(OwnOrganisationMixin, PublicSnippetChooseResultsView):
    pass


class CampaignChosenView(OwnOrganisationMixin, PublicSnippetChosenView):
    pass


class CampaignChosenMultipleView(OwnOrganisationMixin, PublicSnippetChosenMultipleView):
    pass


class CampaignChooserViewSet(PublicSnippetChooserViewSet):
    choose_view_class = CampaignChooseView
    choose_results_view_class = CampaignChooseResultsView
    chosen_view_class = CampaignChosenView
    chosen_multiple_view_class = CampaignChosenMultipleView


class CampaignViewSet(PublicSnippetViewSet):
    model = Campaign
    icon = "desktop"
    menu_label = _("Skärmkampanjer")
    menu_order = 320
    add_to_admin_menu = True
    copy_view_enabled = False
    chooser_viewset_class = CampaignChooserViewSet
    edit_handler = campaign_edit_handler()
    list_display = ["title", "organisation", "language", "slug", "live"]
    list_filter = ["organisation", "language"]
    search_fields = ["title", "slug"]
    search_backend_name = None

    def get_queryset(self, request):
        return editable_campaigns(request.user).select_related("organisation")

    def scoped(self, view):
        """A primary key outside the user's own organisations' campaigns answers 404."""

        @wraps(view)
        def wrapper(request, *args, **kwargs):
            pk = kwargs.get("pk")
            if pk is not None and not editable_campaigns(request.user).filter(pk=unquote(str(pk))).exists():
                raise Http404
            return view(request, *args, **kwargs)

        return wrapper

    def get_urlpatterns(self):
        return [
            URLPattern(pattern.pattern, self.scoped(pattern.callback), pattern.default_args, pattern.name)
            for pattern in super().get_urlpatterns()
        ]


@hooks.register("before_delete_snippet")
def refuse_deleting_other_organisations_campaigns(request, instances):
    """Bulk delete names its rows in the query string: only the user's own campaigns go."""
    campaigns = [instance for instance in instances if isinstance(instance, Campaign)]
    if not campaigns:
        return None
    allowed = set(
        editable_campaigns(request.user).filter(pk__in=[c.pk for c in campaigns]).values_list("pk", flat=True)
    )
    if any(campaign.pk not in allowed for campaign in campaigns):
        return refuse(request, OTHER_ORGANISATION_REFUSED)
    return None


register_snippet(CampaignViewSet)

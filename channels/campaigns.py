"""Who edits which campaign: an organisation's communicators their own, Projektledning all.

Every admin door of the campaign snippet (list, chooser, each object view, the form's
organisation field) goes through ``editable_campaigns`` / ``campaign_organisations``; a guessed
primary key of another organisation's campaign answers 404, so neither its title nor its text
shows. The translator and the activity-only accounts hold no campaign rights at all.
"""

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import ObjectList

from workflows.editorial import is_project_leader
from workflows.models import Organisation, Role

from .models import Campaign


def campaign_organisations(user):
    """The organisations whose campaigns ``user`` writes (all of them for Projektledning)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return Organisation.objects.none()
    if is_project_leader(user):
        return Organisation.objects.all()
    return Organisation.objects.of_member(user, Role.COMMUNICATORS)


def editable_campaigns(user):
    """The campaigns (drafts included) ``user`` may see in the admin."""
    if user is None or not user.is_authenticated or not user.is_active:
        return Campaign.objects.none()
    if is_project_leader(user):
        return Campaign.objects.all()
    return Campaign.objects.filter(organisation__in=campaign_organisations(user))


class CampaignForm(WagtailAdminModelForm):
    """The organisation field offers only the user's own organisations; another organisation's
    id fails validation ("not one of the available choices") and nothing is stored."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = campaign_organisations(self.for_user)


def campaign_edit_handler():
    return ObjectList(Campaign.panels, base_form_class=CampaignForm)

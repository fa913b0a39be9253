"""Signal receivers of the editorial machinery.

- A new organisation saved in the admin gets its groups, sections and permissions at once.
- Changing who is in an organisation's reviewers group re-routes its sections between the
  one-step and the two-step workflow.
- Workflow e-mails go out after the commit (``workflows.notifications``).
"""

from django.contrib.auth import get_user_model
from django.db.models.signals import m2m_changed, post_save
from django.dispatch import Signal, receiver

from .models import Organisation

# Sent at the end of every setup_editorial() run with ``leaders`` and ``translators`` (the two
# central groups). Apps connect to it to grant their own model permissions (snippets, bookings)
# from their own modules, idempotently.
editorial_setup = Signal()

REVIEWERS_SUFFIX = " – granskare"


@receiver(post_save, sender=Organisation, dispatch_uid="nexus_provision_organisation")
def provision_new_organisation(sender, instance, created, raw=False, **kwargs):
    if raw or not created:
        return
    from .editorial import provision_organisation

    provision_organisation(instance)


def _reroute(groups):
    from .editorial import assign_section_workflow, organisations_reviewed_by

    for organisation in organisations_reviewed_by(groups):
        assign_section_workflow(organisation)


@receiver(m2m_changed, sender=get_user_model().groups.through, dispatch_uid="nexus_reviewers_membership_changed")
def reviewers_membership_changed(sender, instance, action, reverse, model, pk_set, **kwargs):
    """user.groups.add/remove/set/clear and group.user_set.… alike."""
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if reverse:
        # instance is a Group, pk_set users
        groups = [instance]
    elif pk_set is None:
        # user.groups.clear(): the removed groups are unknown now; check every organisation.
        groups = [o.reviewers_group_name for o in Organisation.objects.all()]
    else:
        groups = list(model.objects.filter(pk__in=pk_set))
    if any(getattr(g, "name", g).endswith(REVIEWERS_SUFFIX) for g in groups):
        _reroute(groups)


@receiver(post_save, sender=get_user_model(), dispatch_uid="nexus_reviewer_activity_changed")
def reviewer_activity_changed(sender, instance, created, raw=False, update_fields=None, **kwargs):
    """A reviewer deactivated (or reactivated) changes whether the group can act."""
    if raw or created or (update_fields is not None and "is_active" not in update_fields):
        return
    groups = [g for g in instance.groups.all() if g.name.endswith(REVIEWERS_SUFFIX)]
    if groups:
        _reroute(groups)

"""Signal receivers of the editorial machinery.

- A new organisation saved in the admin gets its groups, sections and permissions at once; a
  renamed one takes its groups, collection and review workflow along.
- Changing who is in an organisation's reviewers group re-routes its sections between the
  one-step and the two-step workflow.
- Workflow e-mails go out after the commit (``workflows.notifications``).
"""

from django.contrib.auth import get_user_model
from django.db.models.signals import m2m_changed, post_save, pre_save
from django.dispatch import receiver

from .editorial import assign_section_workflow, provision_organisation, rename_organisation
from .models import Organisation


@receiver(pre_save, sender=Organisation, dispatch_uid="nexus_remember_organisation_name")
def remember_previous_name(sender, instance, raw=False, **kwargs):
    instance._previous_name = (
        None
        if raw or instance.pk is None
        else Organisation.objects.filter(pk=instance.pk).values_list("name", flat=True).first()
    )


@receiver(post_save, sender=Organisation, dispatch_uid="nexus_provision_organisation")
def provision_new_organisation(sender, instance, created, raw=False, **kwargs):
    if raw:
        return
    if created:
        provision_organisation(instance)
        return
    previous = getattr(instance, "_previous_name", None)
    if previous is not None and previous != instance.name:
        rename_organisation(instance, previous)


def _reroute(organisations):
    for organisation in organisations:
        assign_section_workflow(organisation)


@receiver(m2m_changed, sender=get_user_model().groups.through, dispatch_uid="nexus_reviewers_membership_changed")
def reviewers_membership_changed(sender, instance, action, reverse, model, pk_set, **kwargs):
    """user.groups.add/remove/set/clear and group.user_set.… alike."""
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if reverse:
        # instance is a Group, pk_set users
        organisations = Organisation.objects.reviewed_by([instance.pk])
    elif pk_set is None:
        # user.groups.clear(): the removed groups are unknown now; check every organisation.
        organisations = Organisation.objects.filter(reviewers_group__isnull=False)
    else:
        organisations = Organisation.objects.reviewed_by(pk_set)
    _reroute(organisations.select_related("reviewers_group"))


@receiver(post_save, sender=get_user_model(), dispatch_uid="nexus_reviewer_activity_changed")
def reviewer_activity_changed(sender, instance, created, raw=False, update_fields=None, **kwargs):
    """A reviewer deactivated (or reactivated) changes whether the group can act."""
    if raw or created or (update_fields is not None and "is_active" not in update_fields):
        return
    _reroute(Organisation.objects.reviewed_by(instance.groups.all()).select_related("reviewers_group"))

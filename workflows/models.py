"""The editorial structure: partner organisations and their sections in the page tree.

Wagtail's permissions and workflows attach to subtrees, so every organisation gets one section
page under each section index (news, trainings, press) in every locale tree. "A edits only its
own content" is then plain GroupPagePermission on A's sections.
"""

from enum import StrEnum

from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.images import get_image_model_string
from wagtail.models import GroupApprovalTask, Page


class Role(StrEnum):
    """The two groups every organisation has; the value names the ``<role>_group`` field."""

    COMMUNICATORS = "communicators"
    REVIEWERS = "reviewers"


# Group names are data (not gettext): administrators see them in the admin's group list.
GROUP_NAME_SUFFIXES = {Role.COMMUNICATORS: " – kommunikatörer", Role.REVIEWERS: " – granskare"}


class OrganisationQuerySet(models.QuerySet):
    def of_member(self, user, *roles):
        """Organisations in whose ``roles`` groups ``user`` is (one role or several, never implied)."""
        if not roles:
            raise TypeError("of_member() needs at least one Role")
        groups = user.groups.all()
        condition = models.Q()
        for role in roles:
            condition |= models.Q(**{f"{Role(role)}_group__in": groups})
        return self.filter(condition).distinct()

    def reviewed_by(self, groups):
        """Organisations whose reviewers group is among ``groups`` (Group instances or primary keys)."""
        return self.filter(reviewers_group__in=groups)


class Organisation(models.Model):
    """A partner of the collaboration. Maintained by administrators only."""

    Role = Role

    class Kind(models.TextChoices):
        RESOURCE_CENTRE = "resurscentrum", _("Resurscentrum")
        MUNICIPALITY = "kommun", _("Kommun")
        COUNTY_BOARD = "lansstyrelse", _("Länsstyrelse")
        AUTHORITY = "myndighet", _("Myndighet")
        REGION = "region", _("Region")
        PARTNER = "samverkanspart", _("Samverkanspart")

    name = models.CharField(
        _("namn"), max_length=120, unique=True, help_text=_("Fullständigt namn, t.ex. Heby kommun.")
    )
    short_name = models.CharField(
        _("kortnamn"), max_length=40, help_text=_("Kort namn för listor och filter, t.ex. Heby.")
    )
    slug = models.SlugField(
        _("slug"),
        max_length=60,
        unique=True,
        help_text=_("Används i webbadresser och gruppnamn. Ändra inte efter att innehåll publicerats."),
    )
    kind = models.CharField(_("typ"), max_length=20, choices=Kind.choices, help_text=_("Vilken sorts organisation."))
    website = models.URLField(_("webbplats"), blank=True, help_text=_("Organisationens egen webbplats."))
    logo = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("logotyp"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Visas i sidfoten bland samverkansparterna."),
    )
    in_communicators_network = models.BooleanField(
        _("med i kommunikatörsnätverket"),
        default=True,
        help_text=_("Har organisationen en kommunikatör i Nexus kommunikatörsnätverk?"),
    )
    sort_order = models.PositiveSmallIntegerField(
        _("sorteringsordning"), default=100, help_text=_("Lägre tal visas först.")
    )
    # Groups are linked, not looked up by name, so renaming the organisation keeps its people
    # and rights; the set-up creates and links them, the rename receiver renames them.
    communicators_group = models.OneToOneField(
        Group, null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="communicators_of"
    )
    reviewers_group = models.OneToOneField(
        Group, null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="reviewers_of"
    )

    objects = OrganisationQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("short_name"),
        FieldPanel("slug"),
        FieldPanel("kind"),
        FieldPanel("website"),
        FieldPanel("logo"),
        FieldPanel("in_communicators_network"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisationer")

    def __str__(self):
        return self.name

    def group_name_for(self, role):
        """The name the ``role`` group should carry for the organisation's current name."""
        return f"{self.name}{GROUP_NAME_SUFFIXES[Role(role)]}"

    def group_for(self, role):
        return getattr(self, f"{Role(role)}_group")

    def _linked_group_name(self, role):
        group = self.group_for(role)
        return group.name if group is not None else self.group_name_for(role)

    @property
    def communicators_group_name(self):
        return self._linked_group_name(Role.COMMUNICATORS)

    @property
    def reviewers_group_name(self):
        return self._linked_group_name(Role.REVIEWERS)


class OrganisationSectionPage(Page):
    """One organisation's part of a section index (news, trainings, press).

    Created by the installation, ``manage.py setup_site`` (never by hand): one per organisation, per index, per locale.
    Concrete subclasses live in the app that owns the index and set parent/subpage types.
    """

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Organisationen vars innehåll ligger här."),
    )

    content_panels = [*Page.content_panels, FieldPanel("organisation", read_only=True)]
    # Sections are structure, provisioned by the set-up command.
    is_creatable = False

    class Meta:
        abstract = True


class SectionedIndexMixin:
    """Marks an index page whose children are organisation sections.

    ``organisation_section_model`` names the concrete ``OrganisationSectionPage`` subclass;
    The installation (``setup_site``) creates one per organisation under every instance of the index.
    """

    organisation_section_model: str = ""


class ProjectLeaderApprovalTask(GroupApprovalTask):
    """Projektledning's approval, the last task of every workflow: four eyes, not two.

    A member cannot approve a submission they made themselves (wagtail/wagtail#1164); another
    member of the group has to. Rejecting ("request changes") stays possible. Administrators
    (superusers) are exempt: they can publish directly anyway.
    """

    def get_actions(self, obj, user):
        actions = super().get_actions(obj, user)
        if user.is_superuser:
            return actions
        state = getattr(obj, "current_workflow_state", None)
        if state is not None and state.requested_by_id == user.pk:
            return [action for action in actions if action[0] != "approve"]
        return actions

    @classmethod
    def get_description(cls):
        return _("Medlemmar i de valda grupperna godkänner, men aldrig sina egna inskickade ändringar.")

    class Meta:
        verbose_name = _("projektledningens godkännande (fyra ögon)")
        verbose_name_plural = _("projektledningens godkännanden (fyra ögon)")

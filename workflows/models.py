"""The editorial structure: partner organisations and their sections in the page tree.

Wagtail's permissions and workflows attach to subtrees, so every organisation gets one section
page under each section index (news, trainings, press) in every locale tree. "A edits only its
own content" is then plain GroupPagePermission on A's sections.
"""

from enum import StrEnum

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.images import get_image_model_string
from wagtail.models import GroupApprovalTask, Page, Revision


class Role(StrEnum):
    """The two groups every organisation has; the value names the ``<role>_group`` field."""

    COMMUNICATORS = "communicators"
    REVIEWERS = "reviewers"
    # Accounts of organisations without a communicator in the network: they record their own
    # organisation's communication activities and nothing else (no pages, no media).
    ACTIVITY_REPORTERS = "activity_reporters"


# Group names are data (not gettext): administrators see them in the admin's group list.
GROUP_NAME_SUFFIXES = {
    Role.COMMUNICATORS: " – kommunikatörer",
    Role.REVIEWERS: " – granskare",
    Role.ACTIVITY_REPORTERS: " – aktivitetsrapportörer",
}


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
    logo_svg = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("logotyp som SVG"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Samma logotyp som SVG-fil (ett dokument), att ladda ned från materialsidan."),
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
    activity_reporters_group = models.OneToOneField(
        Group,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="activity_reporters_of",
    )

    objects = OrganisationQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("short_name"),
        FieldPanel("slug"),
        FieldPanel("kind"),
        FieldPanel("website"),
        FieldPanel("logo"),
        FieldPanel("logo_svg"),
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

    @property
    def activity_reporters_group_name(self):
        return self._linked_group_name(Role.ACTIVITY_REPORTERS)

    @property
    def has_network_communicator(self):
        """The communication plan's rule: does the organisation have a communicator in the network?

        Without one, its activities are recorded by activity-only accounts and every new activity
        is announced to the project leader and the coordinator.
        """
        return self.in_communicators_network


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


def authors_of_submission(workflow_state):
    """Ids of everyone who wrote what ``workflow_state`` would publish.

    The requester, and the author of every revision since the last published one (all revisions
    of a never-published page) or since the submission started: a reviewer who edited the
    content is one of its authors, whoever pressed "submit".
    """
    revisions = Revision.objects.filter(
        base_content_type_id=workflow_state.base_content_type_id, object_id=workflow_state.object_id
    )
    since = models.Q(created_at__gte=workflow_state.created_at)
    obj = workflow_state.content_object
    live_revision = getattr(obj, "live_revision", None)
    if live_revision is None:
        since = models.Q()
    else:
        since |= models.Q(created_at__gt=live_revision.created_at)
    authors = set(revisions.filter(since, user__isnull=False).values_list("user_id", flat=True))
    if workflow_state.requested_by_id is not None:
        authors.add(workflow_state.requested_by_id)
    return authors


class FourEyesMixin:
    """An approval task whose approver is never an author of the submission (wagtail/wagtail#1164).

    "Approve" is left out of the actions offered to an author, and ``on_action`` checks again at
    the moment of approval: an approver who edits the text in the same request becomes one of
    its authors. Rejecting ("request changes") stays possible. Superusers are not exempt.
    """

    def _is_author(self, obj, user):
        state = getattr(obj, "current_workflow_state", None)
        return state is not None and user.pk in authors_of_submission(state)

    def get_actions(self, obj, user):
        actions = super().get_actions(obj, user)
        if self._is_author(obj, user):
            return [action for action in actions if action[0] != "approve"]
        return actions

    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "approve" and user.pk in authors_of_submission(task_state.workflow_state):
            raise PermissionDenied(_("Du kan inte godkänna en text som du själv har skrivit eller ändrat."))
        return super().on_action(task_state, user, action_name, **kwargs)


class ProjectLeaderApprovalTask(FourEyesMixin, GroupApprovalTask):
    """Projektledning's approval, the last task of every workflow: four eyes, not two.

    Nobody approves a submission they made or edited (requester or author of any of its
    revisions); another member of the group has to.
    """

    @classmethod
    def get_description(cls):
        return _("Medlemmar i de valda grupperna godkänner, men aldrig sina egna inskickade ändringar.")

    class Meta:
        verbose_name = _("projektledningens godkännande (fyra ögon)")
        verbose_name_plural = _("projektledningens godkännanden (fyra ögon)")


class ReviewApprovalTask(FourEyesMixin, GroupApprovalTask):
    """An organisation's reviewers' step (before Projektledning's), under the same four-eyes rule."""

    @classmethod
    def get_description(cls):
        return _("Organisationens granskare godkänner, men aldrig sina egna inskickade ändringar.")

    class Meta:
        verbose_name = _("granskarnas godkännande (fyra ögon)")
        verbose_name_plural = _("granskarnas godkännanden (fyra ögon)")


class PageCreation(models.Model):
    """Which page an add form created: its first autosave or submit, whichever came first.

    Lets a later POST of the same add form continue as an edit of that page (no second page).
    """

    token = models.CharField(max_length=64, unique=True)
    page = models.ForeignKey(Page, null=True, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)


class Audience(models.TextChoices):
    """The communication plan's five audiences (shared by activities and the FAQ)."""

    PARTNER_STAFF = "medarbetare", _("Medarbetare i samverkansorganisationerna")
    PROFESSIONALS = "yrkesverksamma", _("Yrkesverksamma som möter utsatta")
    EXPOSED = "utsatta", _("Personer som är utsatta")
    PUBLIC = "allmanheten", _("Allmänheten, anhöriga och vänner")
    MEDIA = "media", _("Media")


class CommunicationActivity(models.Model):
    """One planned or done activity of the communication plan, or a network meeting.

    Recorded by the organisation's communicators (or its activity-only accounts); everyone in the
    communicators' network sees all of them, nobody outside the admin sees any.
    Who may do what is ``workflows.activities.ActivityPermissionPolicy``.
    """

    class Channel(models.TextChoices):
        INTRANET = "intranat", _("Intranät")
        MEETINGS = "moten", _("Möten och presentationer")
        NEWSLETTER = "nyhetsbrev", _("Nyhetsbrev")
        WEB = "webb", _("Webb")
        SOCIAL = "sociala-medier", _("Sociala medier")
        PRESS = "press", _("Press")
        PAID = "kopta-kanaler", _("Köpta kanaler och kampanjytor")
        SCREENS = "digitala-skarmar", _("Digitala skärmar")

    class Status(models.TextChoices):
        PLANNED = "planerad", _("Planerad")
        DONE = "genomford", _("Genomförd")
        CANCELLED = "installd", _("Inställd")

    class Kind(models.TextChoices):
        ACTIVITY = "aktivitet", _("Kommunikationsaktivitet")
        NETWORK_MEETING = "natverksmote", _("Nätverksmöte")

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="communication_activities",
        help_text=_("Organisationen som genomför aktiviteten."),
    )
    kind = models.CharField(
        _("typ"),
        max_length=20,
        choices=Kind.choices,
        default=Kind.ACTIVITY,
        help_text=_("Nätverksmöten är kommunikatörsnätverkets egna möten, med protokoll."),
    )
    date = models.DateField(_("datum"), help_text=_("Dagen då aktiviteten genomförs."))
    title = models.CharField(_("rubrik"), max_length=200, help_text=_("Kort beskrivning, t.ex. Artikel på intranätet."))
    channel = models.CharField(
        _("kanal"), max_length=20, choices=Channel.choices, help_text=_("Kommunikationsplanens kanal.")
    )
    audience = models.CharField(
        _("målgrupp"), max_length=20, choices=Audience.choices, help_text=_("Kommunikationsplanens målgrupp.")
    )
    message = models.TextField(_("budskap"), blank=True, help_text=_("Vad aktiviteten ska säga till målgruppen."))
    link = models.URLField(_("länk"), blank=True, help_text=_("Till exempel den publicerade artikeln."))
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Status.choices,
        default=Status.PLANNED,
        help_text=_("Planerad, genomförd eller inställd."),
    )
    minutes = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("protokoll"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Nätverksmötets protokoll. Visas bara för kommunikatörsnätverket."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, editable=False, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        FieldPanel("organisation"),
        FieldPanel("kind"),
        FieldPanel("date"),
        FieldPanel("title"),
        FieldPanel("channel"),
        FieldPanel("audience"),
        FieldPanel("message"),
        FieldPanel("link"),
        FieldPanel("status"),
        FieldPanel("minutes"),
    ]

    class Meta:
        ordering = ["date", "organisation__sort_order", "title"]
        verbose_name = _("kommunikationsaktivitet")
        verbose_name_plural = _("kommunikationsaktiviteter")
        indexes = [models.Index(fields=["date"])]

    def __str__(self):
        return self.title

    # Labels for the CSV export (the choice's text, not its stored value).
    def kind_label(self):
        return self.get_kind_display()

    def channel_label(self):
        return self.get_channel_display()

    def audience_label(self):
        return self.get_audience_display()

    def status_label(self):
        return self.get_status_display()


class ActivityFeedToken(models.Model):
    """A user's secret calendar address for the activities: only its SHA-256 is stored.

    Making a new address replaces the old one; deleting the row revokes it.
    """

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="activity_feed_token")
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

"""Permissions for the home app's models, granted when setup_editorial runs; invalidation of the
cached main navigation and site notices; the renditions of a published page."""

from django.contrib.auth.models import Permission
from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver
from taggit.models import Tag
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished

from workflows.models import Organisation
from workflows.setup_signals import editorial_setup

from . import fragments, navigation, notices, page_cache
from .tasks import make_footer_logo_renditions, make_page_renditions

HELP_NUMBER_PERMISSIONS = [
    f"{action}_helpnumber" for action in ("add", "change", "delete", "publish", "lock", "unlock")
]


@receiver(editorial_setup, dispatch_uid="home_help_number_permissions")
def grant_help_number_permissions(sender, leaders, translators, **kwargs):
    """Only Projektledning edits the central help numbers (labels are translated in .po files).

    Publish is what lets a project leader's approval publish; publishing directly is refused in
    the admin (``workflows.snippet_admin``).
    """
    leaders.permissions.add(
        *Permission.objects.filter(content_type__app_label="home", codename__in=HELP_NUMBER_PERMISSIONS)
    )


FAQ_LEADER_PERMISSIONS = [f"{action}_faqentry" for action in ("add", "change", "delete", "publish", "lock", "unlock")]


@receiver(editorial_setup, dispatch_uid="home_faq_permissions")
def grant_faq_permissions(sender, leaders, translators, **kwargs):
    """Projektledning edits the FAQ, the collaboration sentence and the site notice; every
    organisation's communicators read and search the FAQ."""
    faq = Permission.objects.filter(content_type__app_label="home", content_type__model="faqentry")
    leaders.permissions.add(*faq.filter(codename__in=[*FAQ_LEADER_PERMISSIONS, "view_faqentry"]))
    leaders.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="home",
            codename__in=[
                f"{action}_{model}"
                for model in ("collaborationsentence", "sitenotice")
                for action in ("add", "change", "publish", "lock", "unlock")
            ]
            + ["delete_sitenotice", "view_sitenotice"],
        )
    )
    view = faq.get(codename="view_faqentry")
    for organisation in Organisation.objects.exclude(communicators_group=None).select_related("communicators_group"):
        organisation.communicators_group.permissions.add(view)


# What the cached main navigation shows: the home pages (depth 2) and their children (depth 3):
# their title, address, place and menu flag. Deeper pages never change it.
NAVIGATION_DEPTH = 3
NAVIGATION_FIELDS = {"title", "slug", "url_path", "path", "live", "show_in_menus", "expired", "locale"}


def _in_navigation(instance):
    return isinstance(instance, Page) and instance.depth is not None and instance.depth <= NAVIGATION_DEPTH


def _page_changed(sender, instance, **kwargs):
    """Published, unpublished or deleted."""
    if _in_navigation(instance):
        navigation.invalidate()


def _page_saved(sender, instance, update_fields=None, **kwargs):
    # Publishing sends page_published too; this covers direct saves (installation, demo loader).
    if _in_navigation(instance) and (update_fields is None or NAVIGATION_FIELDS.intersection(update_fields)):
        navigation.invalidate()


page_published.connect(_page_changed, dispatch_uid="nexus_navigation_published")
page_unpublished.connect(_page_changed, dispatch_uid="nexus_navigation_unpublished")
post_delete.connect(_page_changed, dispatch_uid="nexus_navigation_deleted")
post_save.connect(_page_saved, dispatch_uid="nexus_navigation_saved")
# Moves, view restrictions and sites are rare: any of them renews every menu.
post_page_move.connect(navigation.invalidate, dispatch_uid="nexus_navigation_moved")
for _model in (Site, PageViewRestriction):
    post_save.connect(navigation.invalidate, sender=_model, dispatch_uid=f"nexus_navigation_{_model.__name__}_saved")
    post_delete.connect(
        navigation.invalidate, sender=_model, dispatch_uid=f"nexus_navigation_{_model.__name__}_deleted"
    )


# The site notices (home/notices.py): a notice's publication, or a change of a page a notice links
# to (its title, address or publication); other pages leave the cached notices alone.
def _notice_changed(sender, instance=None, **kwargs):
    from .models import SiteNotice

    if isinstance(instance, SiteNotice):
        notices.invalidate()


def _linked_page_changed(sender, instance=None, **kwargs):
    from .models import SiteNotice

    if isinstance(instance, Page) and SiteNotice.objects.filter(link_page_id=instance.pk).exists():
        notices.invalidate()


published.connect(_notice_changed, dispatch_uid="nexus_notices_published")
unpublished.connect(_notice_changed, dispatch_uid="nexus_notices_unpublished")
post_delete.connect(_notice_changed, dispatch_uid="nexus_notices_deleted")
page_published.connect(_linked_page_changed, dispatch_uid="nexus_notices_page_published")
page_unpublished.connect(_linked_page_changed, dispatch_uid="nexus_notices_page_unpublished")
# Before the row goes: afterwards the notice's link is already emptied (SET_NULL, no signal).
pre_delete.connect(_linked_page_changed, dispatch_uid="nexus_notices_page_deleted")


# --- renditions: made when a page is published, never on a reader's first request ------------


def _make_renditions(sender, instance, **kwargs):
    # A background task (the db_worker) so publishing stays fast; the tests run it at once.
    make_page_renditions.enqueue(instance.pk)


def _organisation_saved(sender, instance, **kwargs):
    if instance.logo_id:
        make_footer_logo_renditions.enqueue()


page_published.connect(_make_renditions, dispatch_uid="nexus_renditions_published")
post_save.connect(_organisation_saved, sender=Organisation, dispatch_uid="nexus_renditions_organisation_saved")


# The cached fragments (home/fragments.py): the footer, the help-number lists, the Nexus number,
# the quick-exit target, the restricted sections, each language's home page, the news listings.
# Any page published, unpublished, moved, deleted or saved (but for draft bookkeeping) renews
# them, as does every change of the data they show. Renditions only when deleted: a new one changes no cached address.
def _fragment_page_saved(sender, instance, update_fields=None, **kwargs):
    # Any saved page but draft bookkeeping: the news listings' pages and counts are fragments too.
    if not isinstance(instance, Page) or type(instance).__module__ == "__fake__":
        return
    if update_fields is not None and set(update_fields) <= DRAFT_ONLY_FIELDS:
        return
    fragments.invalidate()


def _fragment_page_deleted(sender, instance=None, **kwargs):
    if isinstance(instance, Page):
        fragments.invalidate()


def _fragment_snippet_changed(sender, instance=None, **kwargs):
    from .models import CollaborationSentence, HelpNumber

    if isinstance(instance, (HelpNumber, CollaborationSentence)):
        fragments.invalidate()


page_published.connect(fragments.invalidate, dispatch_uid="nexus_fragments_page_published")
page_unpublished.connect(fragments.invalidate, dispatch_uid="nexus_fragments_page_unpublished")
post_page_move.connect(fragments.invalidate, dispatch_uid="nexus_fragments_page_moved")
post_save.connect(_fragment_page_saved, dispatch_uid="nexus_fragments_page_saved")
post_delete.connect(_fragment_page_deleted, dispatch_uid="nexus_fragments_page_deleted")
published.connect(_fragment_snippet_changed, dispatch_uid="nexus_fragments_snippet_published")
unpublished.connect(_fragment_snippet_changed, dispatch_uid="nexus_fragments_snippet_unpublished")


def _connect_fragment_models():
    from .models import CollaborationSentence, HelpNumber, NexusRendition, SiteSettings

    # Saved rows too, not only publications: the loaders and the tests save live rows directly.
    for model in (
        Site,
        Locale,
        Tag,
        PageViewRestriction,
        Organisation,
        HelpNumber,
        CollaborationSentence,
    ):
        name = f"{model._meta.app_label}_{model.__name__}"
        post_save.connect(fragments.invalidate, sender=model, dispatch_uid=f"nexus_fragments_{name}_saved")
        post_delete.connect(fragments.invalidate, sender=model, dispatch_uid=f"nexus_fragments_{name}_deleted")
    post_delete.connect(fragments.invalidate, sender=NexusRendition, dispatch_uid="nexus_fragments_rendition_deleted")
    post_save.connect(_fragment_settings_saved, sender=SiteSettings, dispatch_uid="nexus_fragments_settings_saved")
    post_delete.connect(fragments.invalidate, sender=SiteSettings, dispatch_uid="nexus_fragments_settings_deleted")
    image = get_image_model()
    post_save.connect(_fragment_image_saved, sender=image, dispatch_uid="nexus_fragments_image_saved")
    post_delete.connect(fragments.invalidate, sender=image, dispatch_uid="nexus_fragments_image_deleted")


def _fragment_settings_saved(sender, instance, created=False, **kwargs):
    # The first request of a site creates its settings row with the defaults: nothing changes.
    if not created:
        fragments.invalidate()


# Wagtail fills in an image's size and hash on first use (a save of those fields alone): no change
# that a reader sees.
IMAGE_BOOKKEEPING_FIELDS = {"file_size", "file_hash"}


def _fragment_image_saved(sender, instance, update_fields=None, **kwargs):
    if update_fields is None or not set(update_fields) <= IMAGE_BOOKKEEPING_FIELDS:
        fragments.invalidate()


_connect_fragment_models()


# The anonymous page cache (home/page_cache.py): one generation for the whole site. Publishing and
# unpublishing (approvals, scheduled publishing and embargoes send the same signals), moves and
# deletions of pages, and every saved or deleted row of what pages show renew it.
PAGE_CACHE_APPS = {"home", "news", "training", "press", "channels", "wagtailimages", "wagtaildocs", "wagtailredirects"}
PAGE_CACHE_MODELS = {
    "workflows.organisation",
    "wagtailcore.site",
    "wagtailcore.locale",
    "wagtailcore.pageviewrestriction",
    "wagtailcore.collectionviewrestriction",
    "wagtailcore.collection",
    "taggit.tag",
}
# Rows written while rendering or by jobs that no page shows.
PAGE_CACHE_IGNORED = {
    "home.nexusrendition",
    "home.linkcheck",
    "press.pressreleasemailing",
    "press.pressreleasedelivery",
}
# Draft bookkeeping (a saved revision, a lock, a comment): the live content stays as it was.
DRAFT_ONLY_FIELDS = {
    "latest_revision",
    "latest_revision_created_at",
    "draft_title",
    "has_unpublished_changes",
    "wagtail_admin_comments",
    "locked",
    "locked_at",
    "locked_by",
}


def _shown_on_pages(instance):
    if type(instance).__module__ == "__fake__":
        return False  # a migration's historical model: no page has been cached from it
    label = instance._meta.label_lower
    if label in PAGE_CACHE_IGNORED:
        return False
    return isinstance(instance, Page) or label in PAGE_CACHE_MODELS or instance._meta.app_label in PAGE_CACHE_APPS


def _row_saved(sender, instance, created=False, update_fields=None, **kwargs):
    if update_fields is not None and set(update_fields) <= DRAFT_ONLY_FIELDS:
        return
    if created and isinstance(instance, BaseSiteSetting):
        return  # made with its defaults by the first render that reads it: nothing shown changes
    if _shown_on_pages(instance):
        page_cache.invalidate()


def _row_deleted(sender, instance, **kwargs):
    if _shown_on_pages(instance):
        page_cache.invalidate()


page_published.connect(page_cache.invalidate, dispatch_uid="nexus_page_cache_published")
page_unpublished.connect(page_cache.invalidate, dispatch_uid="nexus_page_cache_unpublished")
published.connect(page_cache.invalidate, dispatch_uid="nexus_page_cache_snippet_published")
unpublished.connect(page_cache.invalidate, dispatch_uid="nexus_page_cache_snippet_unpublished")
post_page_move.connect(page_cache.invalidate, dispatch_uid="nexus_page_cache_moved")
post_save.connect(_row_saved, dispatch_uid="nexus_page_cache_saved")
post_delete.connect(_row_deleted, dispatch_uid="nexus_page_cache_deleted")

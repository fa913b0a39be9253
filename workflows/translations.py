"""Translations under the one publishing rule: nothing goes live without Projektledning's approval.

wagtail-localize 1.14.5 checks only the global ``submit_translation`` permission in the views
that create, sync and publish translations (see docs/architecture.md, "Translations"). This module

* guards those views (``TranslationGuardMiddleware``, keyed on the resolved ``wagtail_localize``
  URL name): creating a translation needs edit rights on the source and add rights under the
  translated parent; syncing needs edit rights on the source; editor views need edit rights on
  the target;
* closes localize's own ways of publishing at once, for everyone: the ``publish_translations``
  of the sync view, the translation editor's "publish" action
  (``refuse_publishing_in_translation_editor``) and converting a translation into an alias (live
  at once). None of them asks for the reason an administrator's publish outside the workflow
  must carry, so administrators publish a translation from the page editor, like any page.
  Projektledning holds page publish rights only so that its approval can publish;
* lets only readers of a snippet model use localize's snippet API for it (it lists drafts);
* checks link targets that translators set through localize's "overrides" (``edit_override``):
  a link may point only to http, https, mailto or tel (or be relative), as in the editor; values
  stored past that check are flagged as errors, which localize leaves out of previews and saves;
* adds the translators' route to approval (``submit_translation_for_approval``): the current
  strings are saved as a new *draft revision* of the target page, and the page's workflow is
  started (or resumed). Approval by Projektledning then publishes that revision.

Localize's ``save_target(publish=False)`` writes the translated fields into the page row, and the
row is what Wagtail serves: on a live page it would change the public page at once. So for live
targets the new content is computed inside a savepoint that is rolled back, and only stored as a
revision (``save_revision`` updates revision bookkeeping, never the served fields).
"""

import html
import io
import json
import re

from django.apps import apps
from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db import transaction
from django.db.models.signals import pre_save
from django.http import Http404, HttpResponseBadRequest, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import DraftStateMixin, Locale, Page, WorkflowState
from wagtail.snippets.permissions import get_permission_name
from wagtail_localize.models import OverridableSegment, SegmentOverride, Translation, TranslationSource

# Localize views addressed by a translation id: all act on the translation's target.
TARGET_VIEWS = {
    "edit_string_translation",
    "edit_override",
    "download_pofile",
    "upload_pofile",
    "machine_translate",
    "preview_translation",
    "stop_translation",
}


# The editor's link schemes (Wagtail's whitelister also allows ftp; we do not).
SAFE_LINK_SCHEMES = {"http", "https", "mailto", "tel"}
# Never a link anywhere on the site, whatever the segment held before.
DANGEROUS_SCHEMES = {"javascript", "vbscript", "data", "file"}
_SCHEME = re.compile(r"^([a-z0-9][-+.a-z0-9]*):")
# Browsers skip control characters and whitespace inside a scheme ("jav\tascript:").
_IGNORED_IN_SCHEME = re.compile(r"[`\x00-\x20\x7f-\xa0\s\ufffd]+")
UNSAFE_LINK_ERROR = gettext_lazy("Länken får bara börja med http, https, mailto eller tel.")
PUBLISH_REFUSED = gettext_lazy(
    "Översättningar publiceras när någon annan i projektledningen har godkänt dem. "
    "Skicka översättningen för godkännande i stället."
)


def link_scheme(value):
    """The scheme a browser would read from ``value`` (lower case), or "" for a relative link."""
    normalised = _IGNORED_IN_SCHEME.sub("", html.unescape(str(value)).lower())
    match = _SCHEME.match(normalised)
    return match.group(1) if match else ""


def _looks_like_link(value):
    return isinstance(value, str) and (link_scheme(value) in SAFE_LINK_SCHEMES or value.startswith(("/", "#")))


def override_is_unsafe(value, source_value):
    """An override that would make a link to anything but http, https, mailto, tel or a relative URL."""
    if not isinstance(value, str):
        return False
    scheme = link_scheme(value)
    if not scheme or scheme in SAFE_LINK_SCHEMES:
        return False
    return scheme in DANGEROUS_SCHEMES or _looks_like_link(source_value)


def _source_value(context_id):
    segment = OverridableSegment.objects.filter(context_id=context_id).order_by("-pk").first()
    return segment.data if segment is not None else None


def flag_unsafe_override(sender, instance, **kwargs):
    """pre_save of SegmentOverride: an unsafe link is kept (for the editor to see) but flagged as an
    error, so localize leaves it out of previews and of the saved translation."""
    try:
        value = json.loads(instance.data_json)
    except ValueError:
        return
    if override_is_unsafe(value, _source_value(instance.context_id)):
        instance.has_error = True
        instance.field_error = str(UNSAFE_LINK_ERROR)


def quarantine_unsafe_overrides(translation):
    """Flag this translation's unsafe overrides stored past the checks (old rows, bulk updates)."""
    overrides = SegmentOverride.objects.filter(
        locale_id=translation.target_locale_id,
        context__object_id=translation.source.object_id,
        has_error=False,
    )
    for override in overrides:
        flag_unsafe_override(SegmentOverride, override)
        if override.has_error:
            override.save(update_fields=["has_error", "field_error"])


pre_save.connect(flag_unsafe_override, sender=SegmentOverride, dispatch_uid="nexus_flag_unsafe_override")


# --- permission helpers ---------------------------------------------------------------------


def can_edit(user, instance):
    if user.is_superuser:
        return True
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_edit()
    return user.has_perm(get_permission_name("change", type(instance)))


def can_publish(user, instance):
    """May ``user`` make ``instance`` live through one of localize's own publish routes? Nobody.

    Projektledning holds publish rights (its approval publishes as the approver), but a
    translation, like every page and snippet, goes live only through another person's approval.
    Administrators, who may publish outside the workflow, do it from the page editor, where the
    reason the audit log requires is asked for; localize's routes have no place for one.
    """
    return False


def _deny():
    raise PermissionDenied


def _target_parent(page, locale):
    parent = page.get_parent()
    return parent.get_translation_or_none(locale) if parent.depth > 1 else None


def check_submit_page_translation(request, page_id):
    """Creating a translation: add rights under the translated parent in each target tree, and
    the source must be public (live) or editable by the user (no translating others' drafts).

    Translators hold rights only in the non-Swedish trees, so "edit rights on the source" would
    shut them out; the add check in the target tree is what keeps organisation A out of B's
    sections, since B's section is the parent there.
    """
    page = get_object_or_404(Page, id=page_id).specific
    if not (page.live or can_edit(request.user, page)):
        _deny()
    user = request.user
    if request.method != "POST":
        if not can_edit(user, page) and not any(
            (parent := _target_parent(page, locale)) is not None and parent.permissions_for_user(user).can_add_subpage()
            for locale in Locale.objects.exclude(id=page.locale_id)
        ):
            _deny()
        return
    if request.POST.get("include_subtree"):
        # Subtree translation creates parents as live aliases and corrupts numchild (#773).
        _deny()
    for locale_id in request.POST.getlist("locales"):
        locale = Locale.objects.filter(id=locale_id).first()
        if locale is None:
            continue
        target_parent = _target_parent(page, locale)
        # The parent must already exist in the target tree (localize would otherwise copy the
        # parents as live aliases that show Swedish text under /<lang>/).
        if target_parent is None or not target_parent.permissions_for_user(user).can_add_subpage():
            _deny()


def check_submit_snippet_translation(request, app_label, model_name, pk):
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError:
        _deny()
    instance = get_object_or_404(model, pk=pk)
    if not can_edit(request.user, instance):
        _deny()
    if request.method == "POST" and not isinstance(instance, DraftStateMixin) and not request.user.is_superuser:
        # A translation of a snippet without drafts is live the moment it is created.
        _deny()


def check_update_translations(request, translation_source_id):
    """Syncing: edit rights on the source or on every enabled target; publishing the synced
    translations (``publish_translations``): publish rights on every target."""
    source = get_object_or_404(TranslationSource, id=translation_source_id)
    instance = source.get_source_instance()
    targets = []
    for translation in source.translations.filter(enabled=True):
        try:
            targets.append(translation.get_target_instance())
        except ObjectDoesNotExist:
            continue  # a deleted target has nothing to update or publish
    user = request.user
    if not (can_edit(user, instance) or (targets and all(can_edit(user, target) for target in targets))):
        _deny()
    publishing = request.method == "POST" and request.POST.get("publish_translations")
    if publishing and not all(can_publish(user, target) for target in targets):
        _deny()


def check_target_view(request, translation_id, **kwargs):
    translation = get_object_or_404(Translation, id=translation_id)
    try:
        target = translation.get_target_instance()
    except ObjectDoesNotExist:
        _deny()
    if not can_edit(request.user, target):
        _deny()


def check_convert_to_alias(request, page_id):
    # An alias shows the source's live content at once: that is publishing outside the workflow.
    page = get_object_or_404(Page, id=page_id).specific
    if not can_publish(request.user, page):
        _deny()


def _put_data(request):
    """The form body of a PUT (Django parses bodies of POST requests only)."""
    if request.content_type == "multipart/form-data":
        data, _files = request.parse_file_upload(request.META, io.BytesIO(request.body))
        return data
    return QueryDict(request.body, encoding=request.encoding)


def check_edit_override(request, translation_id, overridable_segment_id):
    check_target_view(request, translation_id)
    if request.method != "PUT":
        return None
    segment = get_object_or_404(OverridableSegment, id=overridable_segment_id)
    value = _put_data(request).get("value")
    if override_is_unsafe(value, segment.data):
        return HttpResponseBadRequest(str(UNSAFE_LINK_ERROR), content_type="text/plain; charset=utf-8")
    return None


def check_preview_translation(request, translation_id, **kwargs):
    check_target_view(request, translation_id)
    quarantine_unsafe_overrides(get_object_or_404(Translation, id=translation_id))


def check_snippets_api(request, app_label, model_name, pk=None):
    """Localize's snippet API lists every row of a snippet model, drafts included, to any admin
    user: only someone who may open that model's snippet list reads it."""
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError:
        raise Http404 from None
    viewset = getattr(model, "snippet_viewset", None)
    if viewset is None:  # not a snippet (the press subscribers, say): nothing to translate here
        raise Http404
    if not viewset.permission_policy.user_has_any_permission(request.user, ["add", "change", "delete", "view"]):
        _deny()


CHECKS = {
    "submit_page_translation": check_submit_page_translation,
    "snippets_api_listing": check_snippets_api,
    "snippets_api_detail": check_snippets_api,
    "submit_snippet_translation": check_submit_snippet_translation,
    "update_translations": check_update_translations,
    "convert_to_alias": check_convert_to_alias,
    **dict.fromkeys(TARGET_VIEWS, check_target_view),
    "edit_override": check_edit_override,
    "preview_translation": check_preview_translation,
}


class TranslationGuardMiddleware:
    """Refuses wagtail-localize views the user has no page rights for (403)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = getattr(request, "resolver_match", None)
        if match is None or "wagtail_localize" not in match.namespaces:
            return None
        check = CHECKS.get(match.url_name)
        if check is None:
            return None
        if not request.user.is_authenticated:
            return None  # the admin's own login redirect applies
        # A check raises PermissionDenied, or answers bad input itself (a 400).
        return check(request, **view_kwargs)


def refuse_publishing_in_translation_editor(request, instance):
    """before_edit_page / before_edit_snippet: the translation editor's "publish" action (a POST
    with ``action=publish`` to the edit view, which localize answers itself) is refused for everyone:
    it asks for no reason, so administrators publish from the page editor instead.

    Registered before localize's own hook (``workflows`` comes first in INSTALLED_APPS)."""
    if request.method != "POST" or request.POST.get("action") != "publish":
        return None
    translation_key = getattr(instance, "translation_key", None)
    if (
        translation_key is None
        or not Translation.objects.filter(
            source__object_id=translation_key, target_locale_id=instance.locale_id, enabled=True
        ).exists()
    ):
        return None
    messages.error(request, PUBLISH_REFUSED)
    return redirect(request.path)


# --- the translators' route to approval ----------------------------------------------------


class _Rollback(Exception):
    pass


@transaction.atomic
def save_translation_draft(translation, user):
    """Store the translation's current strings as a new draft revision of its target page.

    Returns the target page. A live target keeps serving its approved content.
    """
    quarantine_unsafe_overrides(translation)
    try:
        target = translation.get_target_instance()
    except Page.DoesNotExist:
        target = None
    if target is None or not target.live:
        translation.save_target(user=user, publish=False)
        return translation.get_target_instance().specific

    target = target.specific
    content = None
    try:
        with transaction.atomic():
            translation.save_target(user=user, publish=False)
            content = Page.objects.get(pk=target.pk).specific.latest_revision.content
            raise _Rollback
    except _Rollback:
        pass
    page = Page.objects.get(pk=target.pk).specific
    draft = page.with_content_json(content)
    draft.save_revision(user=user, log_action=True)
    return Page.objects.get(pk=target.pk).specific


def submit_translation_for_approval(request, translation_id):
    """Save the translation as a draft and send it to Projektledning for approval."""
    translation = get_object_or_404(Translation, id=translation_id, enabled=True)
    source = translation.source.get_source_instance()
    if not isinstance(source, Page):
        raise PermissionDenied  # snippets are not translated through this route
    try:
        target = translation.get_target_instance().specific
    except Page.DoesNotExist:
        target = None
    if target is None or not can_edit(request.user, target):
        raise PermissionDenied
    edit_url = reverse("wagtailadmin_pages:edit", args=[target.id])
    if request.method != "POST":
        return render(request, "home/admin/submit_translation.html", {"page": target, "translation": translation})

    state = target.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS:
        messages.warning(request, _("Översättningen väntar redan på godkännande."))
        return redirect(edit_url)
    workflow = target.get_workflow()
    if workflow is None:
        messages.error(request, _("Sidan har inget godkännandeflöde. Kontakta en administratör."))
        return redirect(edit_url)

    with transaction.atomic():
        page = save_translation_draft(translation, request.user)
        if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            state.resume(request.user)
        else:
            workflow.start(page, request.user)
    messages.success(request, _("Översättningen är skickad för godkännande."))
    return redirect(edit_url)


def admin_urls():
    return [
        path(
            "nexus/translations/<int:translation_id>/submit/",
            submit_translation_for_approval,
            name="nexus_submit_translation",
        )
    ]


def page_buttons(page, user, view_name=None, next_url=None):
    """A "submit for approval" button on pages that are synced translation targets."""
    from wagtail.admin.widgets.button import Button

    translation = Translation.objects.filter(
        source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
    ).first()
    if translation is None or not can_edit(user, page):
        return
    yield Button(
        _("Skicka översättningen för godkännande"),
        reverse("nexus_submit_translation", args=[translation.id]),
        priority=50,
        icon_name="resubmit",
    )

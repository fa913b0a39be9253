"""Translations as translators make them: submit, fill in, send for approval, approve."""

import polib
from django.urls import reverse
from wagtail.models import Page, PageLogEntry
from wagtail_localize.models import Translation, TranslationSource


def submit_translation(client, page, locale):
    return client.post(reverse("wagtail_localize:submit_page_translation", args=[page.id]), {"locales": [locale.id]})


def translation_of(page, locale):
    source = TranslationSource.objects.get_for_instance(page)
    return Translation.objects.get(source=source, target_locale=locale)


def translate_strings(translation, text_for):
    """Fill every string of ``translation`` through localize's PO import (what agencies send)."""
    po = polib.pofile(str(translation.export_po()))
    for entry in po:
        entry.msgstr = text_for(entry.msgid)
    translation.import_po(po)


def submit_for_approval(client, translation):
    return client.post(reverse("nexus_submit_translation", args=[translation.id]))


def approve(client, page):
    page = Page.objects.get(pk=page.pk).specific
    task_state = page.current_workflow_task_state
    return client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.id, "approve", task_state.id]), {"comment": ""}
    )


def publish_log_count(page):
    return PageLogEntry.objects.filter(page=page, action__startswith="wagtail.publish").count()


def state(page):
    """What the public and the audit log see of ``page`` (to compare before/after a denial)."""
    page = Page.objects.get(pk=page.pk).specific
    return {
        "live": page.live,
        "title": page.title,
        "live_revision": page.live_revision_id,
        "publish_logs": publish_log_count(page),
    }

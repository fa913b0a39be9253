"""The training index: upcoming first or the archive, filtered by plain GET links.

The number of queries is constant in the number of trainings: dates and confirmed seats are
annotations and the organisation comes from a map of the index's sections.
"""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import TargetGroup, TrainingFormat, TrainingPage, TrainingSectionPage, upcoming_q


def _link(base, params, **changes):
    query = {**params, **changes}
    query = {key: value for key, value in query.items() if value}
    return f"{base}?{urlencode(query)}" if query else base


def listing_context(index, request):
    now = timezone.now()
    base = index.get_url(request=request) or ""
    archive = request.GET.get("arkiv") == "1"
    sections = list(TrainingSectionPage.objects.child_of(index).live().select_related("organisation"))
    organisation_by_path = {section.path: section.organisation for section in sections}
    section_by_slug = {section.organisation.slug: section for section in sections}

    target_group = request.GET.get("malgrupp", "")
    if target_group not in TargetGroup.values:
        target_group = ""
    training_format = request.GET.get("form", "")
    if training_format not in TrainingFormat.values:
        training_format = ""
    organisation_slug = request.GET.get("organisation", "")
    if organisation_slug not in section_by_slug:
        organisation_slug = ""

    trainings = TrainingPage.annotate_listing(
        TrainingPage.objects.live().public().descendant_of(index)
    ).defer_streamfields()
    if archive:
        trainings = trainings.filter(last_end__lt=now).order_by("-last_end", "-pk")
    else:
        trainings = trainings.filter(upcoming_q(now)).order_by("first_start", "pk")
    if target_group:
        trainings = trainings.filter(target_groups__contains=f",{target_group},")
    if training_format:
        trainings = trainings.filter(format=training_format)
    if organisation_slug:
        trainings = trainings.descendant_of(section_by_slug[organisation_slug])

    items = list(trainings[:200])
    steplen = TrainingPage.steplen
    for item in items:
        item.listing_organisation = organisation_by_path.get(item.path[:-steplen])

    params = {
        "arkiv": "1" if archive else "",
        "malgrupp": target_group,
        "form": training_format,
        "organisation": organisation_slug,
    }
    filters = [
        {
            "name": "malgrupp",
            "label": _("Målgrupp"),
            "options": [
                {"label": label, "url": _link(base, params, malgrupp=value), "active": value == target_group}
                for value, label in [("", _("Alla")), *TargetGroup.choices]
            ],
        },
        {
            "name": "form",
            "label": _("Form"),
            "options": [
                {"label": label, "url": _link(base, params, form=value), "active": value == training_format}
                for value, label in [("", _("Alla")), *TrainingFormat.choices]
            ],
        },
        {
            "name": "organisation",
            "label": _("Arrangör"),
            "options": [
                {"label": label, "url": _link(base, params, organisation=value), "active": value == organisation_slug}
                for value, label in [
                    ("", _("Alla")),
                    *[(s.organisation.slug, s.organisation.short_name) for s in sections],
                ]
            ],
        },
    ]
    language = index.locale.language_code
    feed_url = (
        reverse("training:feed") if index.locale.is_default else reverse("training:feed_language", args=[language])
    )
    return {
        "trainings": items,
        "archive": archive,
        "filters": filters,
        "upcoming_url": _link(base, params, arkiv=""),
        "archive_url": _link(base, params, arkiv="1"),
        "feed_url": feed_url,
        "request_url": reverse("training:request") + ("" if index.locale.is_default else f"?sprak={language}"),
        "filtered": bool(target_group or training_format or organisation_slug),
        "reset_url": _link(base, {"arkiv": params["arkiv"]}),
    }

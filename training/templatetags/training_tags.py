"""Template helpers for the training pages."""

from django import template

from home import fragments
from home.templatetags.nexus_tags import json_ld
from home.visibility import public
from training.jsonld import training_event
from training.listing import TrainingListing
from training.models import TrainingIndexPage

register = template.Library()


@register.simple_tag(takes_context=True)
def training_json_ld(context, training):
    data = training_event(training, context.get("request"), sessions=context.get("sessions"))
    return json_ld(data)


@register.simple_tag(takes_context=True)
def upcoming_trainings(context, count=3):
    """The next trainings of the current page's language tree (for the home page; cached,
    home.fragments, so a training that starts leaves the list within its timeout)."""
    page = context.get("page")
    request = context.get("request")
    locale_id = getattr(page, "locale_id", None)

    def build():
        index = public(TrainingIndexPage.objects.live()).filter(locale_id=locale_id).order_by("path").first()
        if index is None:
            return {"trainings": [], "index": None}
        listing = TrainingListing(index, request, paginate=False)
        return {"trainings": listing.feed_items(limit=count), "index": index, "request": request}

    name = f"upcoming-trainings:{locale_id}:{count}"
    return fragments.cached_html(request, name, "training/includes/upcoming_trainings.html", build)

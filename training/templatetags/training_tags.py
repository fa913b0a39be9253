"""Template helpers for the training pages."""

from django import template

from home.templatetags.nexus_tags import json_ld
from training.jsonld import training_event

register = template.Library()


@register.simple_tag(takes_context=True)
def training_json_ld(context, training):
    data = training_event(training, context.get("request"), sessions=context.get("sessions"))
    return json_ld(data)

"""Template helpers for the training pages."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from training.jsonld import training_event

register = template.Library()

# The same escapes as Django's json_script: <, > and & can never close the script element.
_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag(takes_context=True)
def training_json_ld(context, training):
    data = training_event(training, context.get("request"), sessions=context.get("sessions"))
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_JSON_ESCAPES)
    # Safe: the JSON is escaped exactly like json_script, so editor text cannot end the element.
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308

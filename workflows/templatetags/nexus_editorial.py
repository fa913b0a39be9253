"""Template tags of the page editor."""

from django import template
from django.utils.html import format_html

from workflows.publishing import CREATE_TOKEN_FIELD, new_create_token

register = template.Library()


@register.simple_tag
def create_token_field():
    """A hidden field naming this rendering of the add form (see workflows.publishing)."""
    return format_html('<input type="hidden" name="{}" value="{}">', CREATE_TOKEN_FIELD, new_create_token())

from django import template

from home.phone import tel_href
from press.forms import form_token

register = template.Library()


@register.simple_tag
def press_form_token():
    """The signed, expiring token the subscribe form must send back (instead of a CSRF cookie)."""
    return form_token()


# The site's one phone rule, as a filter for the press templates.
register.filter("tel_href", tel_href)

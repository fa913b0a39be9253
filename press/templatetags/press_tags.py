import re

from django import template

from press.subscriptions import form_token

register = template.Library()


@register.simple_tag
def press_form_token():
    """The signed, expiring token the subscribe form must send back (instead of a CSRF cookie)."""
    return form_token()


@register.filter
def tel_href(number):
    """'018-727 00 00' -> '+4618727000' style digits for tel: links (Swedish numbers)."""
    digits = re.sub(r"[^\d+]", "", str(number))
    if digits.startswith("0") and not digits.startswith("00"):
        digits = "+46" + digits[1:]
    return digits

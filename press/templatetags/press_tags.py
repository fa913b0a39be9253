from django import template

from home import fragments
from home.phone import tel_href
from home.renditions import image_tag
from home.visibility import public
from press import renditions
from press.forms import form_token
from press.models import PressRoomPage

register = template.Library()


@register.simple_tag
def press_form_token():
    """The signed, expiring token the subscribe form must send back (instead of a CSRF cookie)."""
    return form_token()


# The site's one phone rule, as a filter for the press templates.
register.filter("tel_href", tel_href)


@register.simple_tag(takes_context=True)
def latest_press_releases(context, count=3):
    """The newest press releases of the current page's language tree (for the home page; cached,
    home.fragments)."""
    page = context.get("page")
    request = context.get("request")
    locale_id = getattr(page, "locale_id", None)

    def build():
        room = public(PressRoomPage.objects.live()).filter(locale_id=locale_id).order_by("path").first()
        if room is None:
            return {"releases": [], "room": None}
        return {"releases": list(room.releases()[:count]), "room": room, "request": request}

    name = f"latest-press:{locale_id}:{count}"
    return fragments.cached_html(request, name, "press/includes/latest_releases.html", build)


# {% press_image image preview alt=… %}: Wagtail's image tag, the spec named in press.renditions.
register.tag("press_image", image_tag(renditions.SPECS, "press_image"))

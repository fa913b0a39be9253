"""Permanent redirects from the former feed URLs (outside the language tree) to the press room's."""

from urllib.parse import urlencode

from django.http import Http404, HttpResponsePermanentRedirect
from django.views.decorators.http import require_GET

from home.listing import clean_value, subpage_url

from .models import PressRoomPage


@require_GET
def feed_redirect(request, language_code, organisation_slug=""):
    room = PressRoomPage.objects.live().filter(locale__language_code=language_code).first()
    if room is None:
        raise Http404
    url = subpage_url(room, "rss")
    organisation = clean_value(organisation_slug)
    return HttpResponsePermanentRedirect(f"{url}?{urlencode({'organisation': organisation})}" if organisation else url)

"""The digital screens: ``/skarm/<slug>/``, one campaign full screen, no interaction.

- Only the published row is read (``Campaign.objects.live()``): a draft, a change waiting for
  approval or a campaign never approved never shows; the latter answers 404.
- Every slide is in the page; ``?slide=<n>`` (1 by default) is the one shown. The external
  ``js/screen.js`` shows the next one every ``seconds_per_slide`` seconds and, after the last,
  loads the page again, so an approved change reaches the screen within one round. Without
  JavaScript a ``<noscript>`` refresh does the same one slide per address.
- Layout by CSS only (``css/screen.css``): portrait (1080×1920) and landscape (1920×1080) by
  orientation media queries. No cookie, no form, nothing to click.
- QR codes are drawn on the server (segno) and served as SVG from the screen's own address
  (``/skarm/<slug>/qr/<n>.svg``): the CSP allows images from 'self' only.
"""

import io

import segno
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.views.decorators.cache import cache_control

from .models import Campaign

# Screens reload every round; a short shared cache keeps a wall of screens cheap.
SCREEN_MAX_AGE = 60


def live_campaign(slug):
    campaign = Campaign.objects.live().select_related("organisation").filter(slug=slug).first()
    if campaign is None:
        raise Http404
    return campaign


def slide_number(value, count):
    """``?slide=`` as a 1-based index; anything malformed or out of range is a 404."""
    if value is None:
        return 1
    if not value.isdigit() or not 1 <= int(value) <= count:
        raise Http404
    return int(value)


@cache_control(public=True, max_age=SCREEN_MAX_AGE)
def screen(request, slug):
    campaign = live_campaign(slug)
    slides = campaign.screen_slides()
    if not slides:
        raise Http404
    current = slide_number(request.GET.get("slide"), len(slides))
    with translation.override(campaign.language):
        response = render(
            request,
            "channels/screen.html",
            {
                "campaign": campaign,
                "slides": slides,
                "current": current,
                "next_slide": current % len(slides) + 1,
                "language_bidi": translation.get_language_bidi(),
            },
        )
    return response


@cache_control(public=True, max_age=SCREEN_MAX_AGE)
def qr_code(request, slug, number):
    campaign = live_campaign(slug)
    slides = campaign.screen_slides()
    if not 1 <= number <= len(slides) or slides[number - 1]["link_page"] is None:
        raise Http404
    qr = segno.make(slides[number - 1]["link_page"].full_url, error="m")
    svg = io.BytesIO()
    # A viewBox and no fixed size: the <img> sizes it. Dark on white for every scanner.
    qr.save(
        svg,
        kind="svg",
        xmldecl=False,
        omitsize=True,
        border=2,
        dark="#000",
        light="#fff",
        svgclass=None,
        lineclass=None,
    )
    return HttpResponse(svg.getvalue(), content_type="image/svg+xml")

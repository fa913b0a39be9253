"""Template tags of the channels for pages of the layers below (the material kit page loads this
library in its template; home never imports channels)."""

from django import template
from django.urls import reverse

from home.addresses import public_url

from ..models import Campaign

register = template.Library()


@register.simple_tag
def screen_links():
    """The approved campaigns' full-screen views: (title, organisation, absolute URL), in the
    campaigns' order. Drafts and campaigns never approved have no screen and are not listed."""
    campaigns = Campaign.objects.filter(live=True).select_related("organisation")
    return [
        {
            "title": campaign.title,
            "organisation": campaign.organisation.name,
            "url": public_url(reverse("channels:screen", args=[campaign.slug])),
        }
        for campaign in campaigns
    ]

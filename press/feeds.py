"""RSS 2.0 feeds of press releases: one per language, and per language and organisation.

Only live, public releases: an embargoed (scheduled) release is not live until its time.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import translation
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.translation import gettext as _
from wagtail.models import Locale

from home.feeds import PageFeed
from workflows.models import Organisation

from .models import PressRoomPage

FEED_LENGTH = 30


class PressReleaseFeed(PageFeed):
    feed_type = Rss201rev2Feed

    def get_object(self, request, language_code, organisation_slug=None):
        locale = Locale.objects.filter(language_code=language_code).first()
        room = PressRoomPage.objects.live().filter(locale=locale).first() if locale else None
        if room is None:
            raise Http404
        translation.activate(language_code)
        organisation = None
        if organisation_slug:
            organisation = get_object_or_404(Organisation, slug=organisation_slug)
        return room, organisation

    def title(self, obj):
        room, organisation = obj
        if organisation:
            return _("Pressmeddelanden från %(organisation)s – Nexus") % {"organisation": organisation.name}
        return _("Pressmeddelanden – Nexus")

    def link(self, obj):
        return obj[0].get_full_url(self.request)

    def description(self, obj):
        return _("Pressmeddelanden från Nexus resurscentrum mot hedersrelaterat våld och samverkansparterna.")

    def language(self, obj):
        return obj[0].locale.language_code

    def items(self, obj):
        room, organisation = obj
        releases = room.releases()
        if organisation:
            releases = releases.filter(issuing_organisations=organisation)
        return releases[:FEED_LENGTH]

    def item_guid(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [org.name for org in item.issuing_organisations.all()]

"""The news listing shared by the index, the organisation sections, the feeds and the home page.

Built on ``home.listing``; the pages come from the page models' own queryset methods, so this
module never imports ``news.models``. Every listing runs a constant number of queries, whatever
the number of items: the news pages are queried as ``NewsPage`` directly (no ``.specific`` per
item), images and their renditions are prefetched, and each item's organisation is mapped from
the section pages, loaded once, by tree path instead of one ``get_parent()`` per item.
"""

import hashlib

from django.db.models import Prefetch
from django.db.models.functions import Substr
from django.utils.translation import gettext as _
from taggit.models import Tag
from wagtail.images import get_image_model

from home import fragments
from home.listing import Filter, Listing

from . import renditions

# The one image spec the listing cards use (prefetched; also generated on publish).
THUMBNAIL_SPEC = renditions.THUMBNAIL


class NewsListing(Listing):
    """News below the index, filtered by organisation and tag, one page of them."""

    filters = (Filter("organisation"), Filter("tag"))

    def setup(self):
        self.index = self.root.news_index()
        self.is_index = self.index.pk == self.root.pk
        self._prefix_len = (self.index.depth + 1) * self.root.steplen
        if self.is_index:
            # The index's organisation sections with their organisations, kept with the fragments
            # (renewed by any publish, move or organisation change).
            sections = self._cached(f"sections:{self.index.pk}", lambda: list(self.index.organisation_sections()))
        else:
            sections = [self.root]
        self.sections = {section.path: section for section in sections}

    def known_count(self):
        # Changes only with a publish, unpublish, move or deletion, which renew the fragments.
        return self._cached(f"count:{self.root.pk}:{self._filters_key()}", self.queryset.count)

    def cache_name(self):
        """The fragment name of this listing page's HTML (``news_listing`` tag)."""
        page = self.page_obj.number if self.page_obj else 0
        return f"news-listing:{self.root.pk}:{self._filters_key()}:{page}"

    def _cached(self, name, build):
        return fragments.cached(self.request, f"news-{name}", build)

    def _filters_key(self):
        values = "&".join(f"{name}={value}" for name, value in sorted(self.values.items()))
        return hashlib.sha256(values.encode()).hexdigest()[:24]

    def resolve_organisation(self, slug):
        return next((s for s in self.sections.values() if s.organisation.slug == slug), None)

    def resolve_tag(self, slug):
        # Only tags of live news here: a tag only on drafts answers 404 like an unknown one, so
        # the public cannot probe for what an organisation is preparing.
        return next((tag for tag in self._live_tags() if tag.slug == slug), None)

    def _live_tags(self):
        """Every tag of the live news below the root, by name (one query, kept for tag_links)."""
        if not hasattr(self, "_live_tag_list"):
            live = self.root.live_news().order_by().values("pk")
            tags = Tag.objects.filter(news_newspagetag_items__content_object__in=live).distinct().order_by("name")
            self._live_tag_list = self._cached(f"live-tags:{self.root.pk}", lambda: list(tags))
        return self._live_tag_list

    def get_queryset(self):
        self.organisation_section = self.selected.get("organisation")
        if self.organisation_section is not None:
            self.organisation = self.organisation_section.organisation
        else:
            self.organisation = None if self.is_index else self.root.organisation
        self.tag = self.selected.get("tag")
        base = self.root.live_news()
        self.organisation_scoped = base.descendant_of(self.organisation_section) if self.organisation_section else base
        self.tag_scoped = base.filter(tagged_items__tag=self.tag) if self.tag else base
        return self.organisation_scoped.filter(tagged_items__tag=self.tag) if self.tag else self.organisation_scoped

    def with_related(self, queryset):
        images = get_image_model().objects.prefetch_renditions(THUMBNAIL_SPEC)
        return (
            queryset.defer_streamfields()
            .select_related("locale")
            .prefetch_related("tags", Prefetch("image", queryset=images))
        )

    def prepare(self, items):
        for item in items:
            section = self.sections.get(item.path[: self._prefix_len])
            item.organisation = section.organisation if section else None
        return items

    def feed_root(self):
        return self.index

    # --- links (plain GET links: shareable, no JavaScript) ---------------------------------

    @property
    def all_organisations_url(self):
        return self.link(organisation="")

    @property
    def all_tags_url(self):
        return self.link(tag="")

    def organisation_links(self):
        """Organisations with news (in the current tag filter), for the index only. The filter links
        depend on the live news and the selected filters alone: kept with the fragments."""
        if not self.is_index:
            return []
        return self._cached(f"organisation-links:{self.root.pk}:{self._filters_key()}", self._organisation_links)

    def _organisation_links(self):
        with_news = set(
            self.tag_scoped.order_by()
            .annotate(section_path=Substr("path", 1, self._prefix_len))
            .values_list("section_path", flat=True)
            .distinct()
        )
        sections = sorted(
            (s for s in self.sections.values() if s.path in with_news or s == self.organisation_section),
            key=lambda s: (s.organisation.sort_order, s.organisation.name),
        )
        return [
            {
                "name": section.organisation.name,
                "url": self.link(organisation=section.organisation.slug),
                "current": section == self.organisation_section,
            }
            for section in sections
        ]

    def tag_links(self):
        """Tags in use (in the current organisation filter), kept like the organisation links."""
        return self._cached(f"tag-links:{self.root.pk}:{self._filters_key()}", self._tag_links)

    def _tag_links(self):
        if self.organisation_section is None:
            tags = self._live_tags()  # the organisation scope is the whole root
        else:
            ids = self.organisation_scoped.order_by().values("pk")
            tags = Tag.objects.filter(news_newspagetag_items__content_object__in=ids).distinct().order_by("name")
        return [
            {
                "name": tag.name,
                "url": self.link(tag=tag.slug),
                "current": self.tag is not None and tag.pk == self.tag.pk,
            }
            for tag in tags
        ]

    # --- feeds -------------------------------------------------------------------------------

    def title(self):
        if self.organisation and self.tag:
            return _("Nyheter från %(organisation)s om %(tag)s") % {
                "organisation": self.organisation.name,
                "tag": self.tag.name,
            }
        if self.organisation:
            return _("Nyheter från %(organisation)s") % {"organisation": self.organisation.name}
        if self.tag:
            return _("Nyheter om %(tag)s") % {"tag": self.tag.name}
        return _("Nyheter")

    def feed_params(self):
        # A section's feed is the index feed filtered by the section's organisation.
        return {"organisation": self.organisation.slug if self.organisation else "", "tag": self.values.get("tag", "")}

    def feeds(self):
        """Feeds to announce: the filtered one when filtered, and always the main feed."""
        links = []
        params = self.feed_params()
        if any(params.values()):
            links.append(self._feed(self.title(), params))
        links.append(self._feed(_("Nyheter"), {}))
        return links

    def _feed(self, title, params):
        return {"title": title, "rss": self.feed_url("rss", params), "atom": self.feed_url("atom", params)}


class NewsSectionListing(NewsListing):
    """One organisation's news: the section is the organisation, so only the tag filters."""

    filters = (Filter("tag"),)

"""The news listing shared by the index, the organisation sections, the feeds and the home page.

Every listing runs a constant number of queries, whatever the number of items: the news pages
are queried as ``NewsPage`` directly (no ``.specific`` per item), images and their renditions
are prefetched, and each item's organisation is mapped from the section pages, loaded once, by
tree path instead of one ``get_parent()`` per item.
"""

from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.core.paginator import InvalidPage, Paginator
from django.core.validators import validate_unicode_slug
from django.db.models import Prefetch
from django.db.models.functions import Substr
from django.http import Http404
from django.utils.translation import gettext as _
from taggit.models import Tag
from wagtail.images import get_image_model

from . import renditions
from .models import NewsIndexPage, NewsPage, NewsSectionPage

PER_PAGE = 10
FEED_ITEMS = 20
# The one image spec the listing cards use (prefetched; also generated on publish).
THUMBNAIL_SPEC = renditions.THUMBNAIL


def live_news(root):
    """Live, public news below ``root`` (an index or a section), newest first."""
    return NewsPage.objects.live().public().descendant_of(root).order_by("-date", "-first_published_at", "-pk")


def with_related(queryset, spec=THUMBNAIL_SPEC):
    """Everything a card shows, fetched in a fixed number of queries."""
    images = get_image_model().objects.prefetch_renditions(spec)
    return (
        queryset.defer_streamfields()
        .select_related("locale")
        .prefetch_related("tags", Prefetch("image", queryset=images))
    )


class NewsListing:
    """News below an index or a section, filtered by organisation and tag, one page of them."""

    def __init__(self, root, request=None, organisation="", tag="", page="1", paginate=True):
        self.root = root
        self.request = request
        self.is_index = isinstance(root, NewsIndexPage)
        self.index = root if self.is_index else root.get_parent().specific
        self.url = root.get_url(request) or ""
        self._prefix_len = (self.index.depth + 1) * NewsPage.steplen

        if self.is_index:
            sections = NewsSectionPage.objects.child_of(self.index).select_related("organisation")
            self.sections = {section.path: section for section in sections}
        else:
            self.sections = {root.path: root}

        self.organisation = None
        self.organisation_section = None
        if self.is_index and organisation:
            section = next((s for s in self.sections.values() if s.organisation.slug == organisation), None)
            if section is None:
                raise Http404("Unknown organisation")
            self.organisation_section = section
            self.organisation = section.organisation
        elif not self.is_index:
            self.organisation = root.organisation

        self.tag = None
        if tag:
            self.tag = Tag.objects.filter(slug=tag).first()
            if self.tag is None:
                raise Http404("Unknown tag")

        base = live_news(root)
        self.organisation_scoped = base.descendant_of(self.organisation_section) if self.organisation_section else base
        self.tag_scoped = base.filter(tagged_items__tag=self.tag) if self.tag else base
        self.queryset = (
            self.organisation_scoped.filter(tagged_items__tag=self.tag) if self.tag else self.organisation_scoped
        )

        self.page_obj = None
        if paginate:
            paginator = Paginator(with_related(self.queryset), PER_PAGE)
            try:
                self.page_obj = paginator.page(page or 1)
            except InvalidPage as error:
                raise Http404("No such page") from error
            self.items = self.attach_organisations(list(self.page_obj.object_list))

    @classmethod
    def for_request(cls, root, request, paginate=True):
        params = request.GET
        organisation = params.get("organisation", "").strip()
        tag = params.get("tag", "").strip()
        page = params.get("page", "").strip() or "1"
        # Reject junk before it reaches the database (PostgreSQL refuses NUL bytes with a 500).
        try:
            for value in (organisation, tag):
                if value:
                    validate_unicode_slug(value)
        except ValidationError as error:
            raise Http404("Malformed filter") from error
        if len(page) > 6 or not page.isdigit():
            raise Http404("No such page")
        return cls(root, request, organisation=organisation, tag=tag, page=page, paginate=paginate)

    def attach_organisations(self, items):
        for item in items:
            section = self.sections.get(item.path[: self._prefix_len])
            item.organisation = section.organisation if section else None
        return items

    def feed_items(self, limit=FEED_ITEMS):
        return self.attach_organisations(list(with_related(self.queryset)[:limit]))

    # --- links (plain GET links: shareable, no JavaScript) ---------------------------------

    @property
    def filters(self):
        return {
            "organisation": self.organisation.slug if self.organisation_section else "",
            "tag": self.tag.slug if self.tag else "",
        }

    def link(self, **changes):
        params = {**self.filters, **changes}
        params = {key: value for key, value in params.items() if value and not (key == "page" and value == 1)}
        return f"{self.url}?{urlencode(params)}" if params else self.url

    @property
    def all_organisations_url(self):
        return self.link(organisation="")

    @property
    def all_tags_url(self):
        return self.link(tag="")

    @property
    def is_filtered(self):
        return bool(self.organisation_section or self.tag)

    def organisation_links(self):
        """Organisations with news (in the current tag filter), for the index only."""
        if not self.is_index:
            return []
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
        """Tags in use (in the current organisation filter)."""
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

    def pagination(self):
        if self.page_obj is None or self.page_obj.paginator.num_pages < 2:
            return None
        page = self.page_obj
        return {
            "previous": self.link(page=page.previous_page_number()) if page.has_previous() else None,
            "next": self.link(page=page.next_page_number()) if page.has_next() else None,
            "pages": [
                {"number": number, "url": self.link(page=number), "current": number == page.number}
                for number in page.paginator.page_range
            ],
        }

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

    def feeds(self):
        """Feeds to announce: the filtered one when filtered, and always the main feed."""
        index_url = self.index.get_url(self.request) or ""
        organisation = self.organisation.slug if self.organisation else ""
        tag = self.tag.slug if self.tag else ""
        links = []
        if organisation or tag:
            links.append(self._feed(index_url, self.title(), organisation=organisation, tag=tag))
        links.append(self._feed(index_url, _("Nyheter")))
        return links

    def _feed(self, index_url, title, **params):
        params = {key: value for key, value in params.items() if value}
        query = f"?{urlencode(params)}" if params else ""
        return {
            "title": title,
            "rss": f"{index_url}{self.index.reverse_subpage('rss')}{query}",
            "atom": f"{index_url}{self.index.reverse_subpage('atom')}{query}",
        }

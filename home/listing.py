"""The one listing mechanism of the index pages (news, trainings, press releases).

A listing is the live items below a page, narrowed by declared GET filters and cut into pages of
``per_page``. Every area answers bad input the same way, so a link means the same everywhere:
an empty value is no filter; a malformed value (not a slug, a NUL byte, too long), a value the
filter does not know, and a page that is not a positive integer or lies past the last page are
a 404. Junk is refused before it reaches the database (PostgreSQL answers NUL bytes with a 500).

Each content app subclasses ``Listing``: it declares its ``filters``, builds ``get_queryset()``
from its page models' own queryset methods and may fetch related rows in ``with_related()``, so
the number of queries stays constant in the number of items. Links are plain GET links:
shareable, no JavaScript.
"""

from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.core.paginator import InvalidPage, Paginator
from django.core.validators import validate_unicode_slug
from django.http import Http404
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

PER_PAGE = 10
FEED_ITEMS = 20
# No slug of the site is longer; longer values are junk, not a filter.
MAX_VALUE_LENGTH = 100
# A million pages of ten is more than the site will ever hold.
MAX_PAGE_DIGITS = 6


def clean_value(value):
    """A filter value as given, or Http404 when it cannot be a slug."""
    value = (value or "").strip()
    if not value:
        return ""
    if len(value) > MAX_VALUE_LENGTH:
        raise Http404("Overlong filter value")
    try:
        validate_unicode_slug(value)
    except ValidationError as error:
        raise Http404("Malformed filter value") from error
    return value


def page_number(value):
    """The requested page (empty is the first), or Http404 unless a positive integer."""
    value = (value or "").strip()
    if not value:
        return 1
    if len(value) > MAX_PAGE_DIGITS or not value.isdigit() or int(value) < 1:
        raise Http404("No such page")
    return int(value)


def subpage_url(page, route, request=None):
    """The URL of one of a routable page's own routes; file routes (``kalender.ics``) lose the slash."""
    url = (page.get_url(request) or "") + page.reverse_subpage(route)
    last = url.rstrip("/").rsplit("/", 1)[-1]
    return url.rstrip("/") if "." in last else url


class Filter:
    """One GET parameter of a listing: a slug naming one of the filter's options.

    Options are the static ``choices`` or the listing's ``<name>_options()``; the selected object
    is the listing's ``resolve_<name>(value)`` when it has one (e.g. a tag looked up by slug),
    otherwise the option's label. None means unknown, which is a 404.
    """

    def __init__(self, name, label="", choices=None):
        self.name = name
        self.label = label
        self.choices = choices

    def options(self, listing):
        if self.choices is not None:
            return list(self.choices)
        return list(getattr(listing, f"{self.name}_options")())

    def resolve(self, listing, value):
        resolver = getattr(listing, f"resolve_{self.name}", None)
        if resolver is not None:
            return resolver(value)
        return dict(self.options(listing)).get(value)


class Listing:
    """Items below ``root`` filtered by the declared ``filters``, one page of them."""

    filters = ()
    per_page = PER_PAGE
    feed_items_count = FEED_ITEMS
    # Filters the feeds do not take over from the page (e.g. the trainings' archive view).
    feed_excludes = ()

    def __init__(self, root, request=None, params=None, paginate=True):
        params = {} if params is None else params
        self.root = root
        self.request = request
        self.url = root.get_url(request) or ""
        self.setup()
        self.values = {}
        self.selected = {}
        for declared in self.filters:
            value = clean_value(params.get(declared.name))
            if not value:
                continue
            selected = declared.resolve(self, value)
            if selected is None:
                raise Http404(f"Unknown {declared.name}")
            self.values[declared.name] = value
            self.selected[declared.name] = selected
        self.page_number = page_number(params.get("page"))
        self.queryset = self.get_queryset()
        self.page_obj = None
        if paginate:
            paginator = Paginator(self.with_related(self.queryset), self.per_page)
            count = self.known_count()
            if count is not None:
                paginator.count = count  # Paginator.count is a cached_property: no COUNT query
            try:
                self.page_obj = paginator.page(self.page_number)
            except InvalidPage as error:
                raise Http404("No such page") from error

    @cached_property
    def items(self):
        """The page's items, read when first shown (a cached listing shows none: no query)."""
        if self.page_obj is None:
            return []
        return self.prepare(list(self.page_obj.object_list))

    @classmethod
    def for_request(cls, root, request, paginate=True):
        return cls(root, request, request.GET, paginate=paginate)

    # --- what subclasses configure ---------------------------------------------------------

    def setup(self):
        """Load what resolving the filters needs (called before the filters are read)."""

    def known_count(self):
        """The number of items when a subclass knows it without a query (a cached count), or None."""
        return None

    def get_queryset(self):
        raise NotImplementedError

    def with_related(self, queryset):
        """Everything an item shows, fetched in a fixed number of queries."""
        return queryset

    def prepare(self, items):
        """Attach per-item data from maps loaded once (never a query per item)."""
        return items

    def feed_root(self):
        """The routable page whose feeds take this listing's filters."""
        return self.root

    # --- items -----------------------------------------------------------------------------

    def feed_items(self, limit=None):
        limit = self.feed_items_count if limit is None else limit
        return self.prepare(list(self.with_related(self.queryset)[:limit]))

    @property
    def is_filtered(self):
        return bool(self.values)

    # --- links -----------------------------------------------------------------------------

    def query(self, **changes):
        params = {**self.values, **changes}
        names = [declared.name for declared in self.filters] + ["page"]
        return [
            (name, params[name])
            for name in names
            if params.get(name) and not (name == "page" and str(params[name]) == "1")
        ]

    def link(self, **changes):
        query = self.query(**changes)
        return f"{self.url}?{urlencode(query)}" if query else self.url

    def filter_links(self):
        """The labelled filters as lists of links, "all" first, the current one marked."""
        links = []
        for declared in self.filters:
            if not declared.label:
                continue
            current = self.values.get(declared.name, "")
            options = [("", _("Alla")), *declared.options(self)]
            links.append(
                {
                    "name": declared.name,
                    "label": declared.label,
                    "options": [
                        {
                            "label": label,
                            "url": self.link(**{declared.name: value}),
                            "active": value == current,
                        }
                        for value, label in options
                    ],
                }
            )
        return links

    def pagination(self):
        if self.page_obj is None or self.page_obj.paginator.num_pages < 2:
            return None
        page = self.page_obj
        # The first and last page and two on each side of the current one, a gap between: as many
        # links on a site of 10 000 news as on one of 30 (Django's elided page range).
        numbers = page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
        return {
            "previous": self.link(page=page.previous_page_number()) if page.has_previous() else None,
            "next": self.link(page=page.next_page_number()) if page.has_next() else None,
            "pages": [
                {"number": number, "url": self.link(page=number), "current": number == page.number}
                if isinstance(number, int)
                else {"gap": True}
                for number in numbers
            ],
        }

    def feed_params(self):
        return {name: value for name, value in self.values.items() if name not in self.feed_excludes}

    def feed_url(self, route, params=None):
        """A feed of the feed root with the listing's filters (or the given ones)."""
        params = self.feed_params() if params is None else params
        query = [(name, value) for name, value in params.items() if value]
        url = subpage_url(self.feed_root(), route, self.request)
        return f"{url}?{urlencode(query)}" if query else url

    # Every index serves both feeds (``<index>/rss/``, ``<index>/atom/``) with the listing's filters.
    @property
    def rss_url(self):
        return self.feed_url("rss")

    @property
    def atom_url(self):
        return self.feed_url("atom")

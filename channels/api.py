"""The partners' read API: Wagtail's API v2, its pages endpoint only, at ``/api/v2/pages/``.

Partners' intranets and websites read the live, public news, trainings, press releases and
audience pages from here. Only those four page types, only live pages open to everyone (no view
restriction on the page or above it, ``home.visibility.public``), never a release under embargo
(a publishing date in the future) or past its expiry. The answer is the same for anonymous
readers and signed-in editors: no authentication is read, and drafts exist only as revisions,
which the API never reads (a live page's row holds its published content).

Read-only (GET, HEAD, OPTIONS; anything else 405) and JSON only (no browsable API, no cookie).
Every parameter the endpoint does not know, and every malformed value, is a 400 with a JSON
``message``; a page id outside the published set is a 404. Filters: Wagtail's ``type`` (one of
the four, or several separated by commas), ``locale`` (a language code), ``child_of``,
``descendant_of``, ``ancestor_of``, ``translation_of``, field filters (``?slug=``), ``order``,
``limit`` (at most 20) and ``offset``, plus ``organisation=<slug>``: pages in that organisation's
sections (and joint press releases it issued). No search (``/sok/`` is the site's search).

The fields are declared here, not on the content models: the id, title, lead and a few facts
per type (a news item's date, a training's format, place, cost, status and dates, a release's
issuing organisations); never the body, whose links could name unpublished pages.
"""

from django.core.exceptions import FieldError, ValidationError
from django.core.validators import validate_slug
from django.db.models import Q
from django.http import Http404
from django.urls import path
from django.utils import timezone
from rest_framework import serializers
from rest_framework.filters import BaseFilterBackend
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from wagtail.api import APIField
from wagtail.api.v2.filters import (
    AncestorOfFilter,
    ChildOfFilter,
    DescendantOfFilter,
    FieldsFilter,
    OrderingFilter,
    TranslationOfFilter,
)
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError, page_models_from_string
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.models import Locale, Page

from home.models import AudiencePage
from home.visibility import public
from news.models import NewsPage, NewsSectionPage
from press.models import PressReleasePage, PressSectionPage
from training.models import TrainingPage, TrainingSectionPage
from workflows.models import Organisation

# The page types partners may read, and nothing else (not the indexes, sections or home pages).
PUBLISHED_MODELS = (NewsPage, TrainingPage, PressReleasePage, AudiencePage)
SECTION_MODELS = (NewsSectionPage, TrainingSectionPage, PressSectionPage)
# Offsets beyond this are junk (the site will never hold a million pages): a 400, not a query.
MAX_OFFSET_DIGITS = 6
MAX_SLUG_LENGTH = 100


class SessionDatesField(serializers.Field):
    """A training's sessions as ``[{"start": …, "end": …}]``, earliest first."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, sessions):
        dates = serializers.DateTimeField()
        return [
            {"start": dates.to_representation(session.start), "end": dates.to_representation(session.end)}
            for session in sorted(sessions.all(), key=lambda session: session.start)
        ]


class OrganisationSlugsField(serializers.Field):
    """A release's issuing organisations as their slugs (the values of ``?organisation=``)."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, organisations):
        return sorted(organisation.slug for organisation in organisations.all())


FIELDS = {
    NewsPage: ["lead", "date"],
    TrainingPage: [
        "lead",
        # Not "format": DRF reads ?format= as the renderer to use.
        APIField("training_format", serializer=serializers.CharField(source="format", read_only=True)),
        "place",
        "cost",
        "cancelled",
        APIField("dates", serializer=SessionDatesField(source="sessions")),
    ],
    PressReleasePage: [
        APIField("lead"),
        APIField("organisations", serializer=OrganisationSlugsField(source="issuing_organisations")),
    ],
    AudiencePage: ["lead"],
}

# Related rows the fields above read, fetched once per listing instead of once per item.
PREFETCH = {TrainingPage: ["sessions"], PressReleasePage: ["issuing_organisations"]}


class StrictOrderingFilter(OrderingFilter):
    """Wagtail's ``order``, without ``random`` (an answer must be the same for the same address)."""

    def filter_queryset(self, request, queryset, view):
        if "random" in request.GET.get("order", "").split(","):
            raise BadRequestError("random ordering is not supported")
        return super().filter_queryset(request, queryset, view)


class KnownLocaleFilter(BaseFilterBackend):
    """``locale=<language code>``; an unknown code is a 400 (Wagtail's own answers 404)."""

    def filter_queryset(self, request, queryset, view):
        if "locale" not in request.GET:
            return queryset
        locale = Locale.objects.filter(language_code=request.GET["locale"]).first()
        if locale is None:
            raise BadRequestError("locale doesn't exist")
        return queryset.filter(locale=locale)


class BoundedPagination(WagtailPagination):
    """Wagtail's ``limit``/``offset``, with both plain ASCII numbers of at most six digits.

    A larger offset would overflow the database's integer (a 500 on PostgreSQL and SQLite).
    """

    def paginate_queryset(self, queryset, request, view=None):
        for name in ("offset", "limit"):
            value = request.GET.get(name)
            if value is not None and not (value.isascii() and value.isdigit() and len(value) <= MAX_OFFSET_DIGITS):
                raise BadRequestError(f"{name} must be a positive integer of at most {MAX_OFFSET_DIGITS} digits")
        return super().paginate_queryset(queryset, request, view)


def organisation_filter(value):
    """The pages of organisation ``value`` (its sections' pages and the releases it issued)."""
    if len(value) > MAX_SLUG_LENGTH:
        raise BadRequestError("organisation doesn't exist")
    try:
        validate_slug(value)
    except ValidationError as error:
        raise BadRequestError("organisation doesn't exist") from error
    organisation = Organisation.objects.filter(slug=value).first()
    if organisation is None:
        raise BadRequestError("organisation doesn't exist")
    condition = Q(pk__in=PressReleasePage.objects.filter(issuing_organisations=organisation).values("pk"))
    for model in SECTION_MODELS:
        for section_path in model.objects.filter(organisation=organisation).values_list("path", flat=True):
            condition |= Q(path__startswith=section_path)
    return condition


class PartnerPagesAPIViewSet(PagesAPIViewSet):
    """Wagtail's pages endpoint, narrowed to what partners may read (see the module docstring)."""

    renderer_classes = [JSONRenderer]
    authentication_classes = []
    permission_classes = [AllowAny]
    http_method_names = ["get", "head", "options"]
    pagination_class = BoundedPagination
    filter_backends = [
        FieldsFilter,
        ChildOfFilter,
        AncestorOfFilter,
        DescendantOfFilter,
        StrictOrderingFilter,
        TranslationOfFilter,
        KnownLocaleFilter,
    ]
    known_query_parameters = frozenset(
        [
            "limit",
            "offset",
            "fields",
            "order",
            "type",
            "child_of",
            "ancestor_of",
            "descendant_of",
            "translation_of",
            "locale",
            "organisation",
        ]
    )
    body_fields = ["id", "title"]
    meta_fields = [
        "type",
        "detail_url",
        "html_url",
        "slug",
        "search_description",
        "first_published_at",
        "last_published_at",
        "locale",
    ]
    listing_default_fields = ["id", "type", "detail_url", "title", "html_url", "slug", "first_published_at"]
    nested_default_fields = ["id", "type", "detail_url", "title"]
    detail_only_fields = []

    @classmethod
    def get_body_fields(cls, model):
        return cls._convert_api_fields(cls.body_fields + FIELDS.get(model, []))

    @classmethod
    def get_urlpatterns(cls):
        # No find/ view: its ?id= and ?html_path= bypass the parameter checks.
        return [
            path("", cls.as_view({"get": "listing_view"}), name="listing"),
            path("<int:pk>/", cls.as_view({"get": "detail_view"}), name="detail"),
        ]

    def get_base_queryset(self):
        """Every page partners may read: live, public, one of the four types, not embargoed or expired."""
        now = timezone.now()
        pages = (
            Page.objects.live().exact_type(*PUBLISHED_MODELS).exclude(go_live_at__gt=now).exclude(expire_at__lte=now)
        )
        return public(pages)

    def requested_models(self):
        value = self.request.GET.get("type")
        if value is None:
            return ()
        try:
            models = page_models_from_string(value)
        except (LookupError, ValueError) as error:
            raise BadRequestError("type doesn't exist") from error
        if not set(models) <= set(PUBLISHED_MODELS):
            raise BadRequestError("type doesn't exist")
        return models

    def get_queryset(self):
        if not hasattr(self, "_partner_queryset"):
            pages = self.get_base_queryset()
            if "organisation" in self.request.GET:
                pages = pages.filter(organisation_filter(self.request.GET["organisation"]))
            models = self.requested_models()
            if len(models) == 1:
                # The specific model, so its own fields can be filtered and ordered on.
                queryset = models[0].objects.filter(pk__in=pages.values("pk"))
                queryset = queryset.prefetch_related(*PREFETCH.get(models[0], ()))
            elif models:
                queryset = pages.exact_type(*models)
            else:
                queryset = pages
            self._partner_queryset = queryset.order_by("-first_published_at", "-pk")
        return self._partner_queryset

    def filter_queryset(self, queryset):
        try:
            return super().filter_queryset(queryset)
        except (ValidationError, ValueError, FieldError) as error:
            # A field filter's value the field cannot read (?date=tomorrow), for instance.
            raise BadRequestError("invalid filter value") from error

    def perform_content_negotiation(self, request, force=False):
        try:
            return super().perform_content_negotiation(request, force=force)
        except Http404 as error:
            # ?format= naming a renderer other than JSON (DRF answers 404).
            raise BadRequestError("format doesn't exist") from error

    def detail_view(self, request, pk):
        self.check_query_parameters(self.get_queryset())
        return super().detail_view(request, pk)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        # The same answer for everyone: shared caches (and the site's page cache) may keep it.
        response["Cache-Control"] = "public"
        return response


api_router = WagtailAPIRouter("channels:wagtailapi")
api_router.register_endpoint("pages", PartnerPagesAPIViewSet)

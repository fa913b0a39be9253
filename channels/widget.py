"""The embeddable widget: the latest news or the upcoming trainings as a small HTML page.

Partner intranets show it in an iframe (the material kit page gives the code to copy):
``/widget/nyheter/`` and ``/widget/utbildningar/``, optionally ``?organisation=<slug>`` (that
organisation's sections only) and ``?lang=<code>`` (that language's tree and interface; Swedish
by default). A parameter the widget does not know, an unknown organisation or language is a 400
with a Swedish message.

Server-rendered, self-contained (one small stylesheet, no script), no cookie, links open the
site in a new tab. Framing is allowed for the site itself and the partner origins in
``settings.NEXUS_WIDGET_FRAME_ANCESTORS`` (env ``NEXUS_WIDGET_HOSTS``) only: the widget's
Content-Security-Policy replaces ``frame-ancestors 'none'`` with them and it sends no
X-Frame-Options; every other page keeps both.
"""

from functools import wraps

from csp.decorators import csp_replace
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_slug
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_safe
from wagtail.models import Locale

from home.visibility import public
from news.models import NewsIndexPage, NewsPage, NewsSectionPage
from training.models import TrainingIndexPage, TrainingPage, TrainingSectionPage, upcoming_q
from workflows.models import Organisation

ITEMS = 5
PARAMETERS = frozenset(["organisation", "lang"])
MAX_VALUE_LENGTH = 100


class BadParameter(Exception):
    """A query parameter the widget cannot use; its argument is the message for the reader."""


def frameable_by_partners(view):
    """No X-Frame-Options, and frame-ancestors 'self' plus the partner origins in the settings."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        ancestors = ["'self'", *settings.NEXUS_WIDGET_FRAME_ANCESTORS]
        return csp_replace({"frame-ancestors": ancestors})(view)(request, *args, **kwargs)

    return xframe_options_exempt(wrapped)


def bad_request(message):
    return HttpResponse(message, status=400, content_type="text/plain; charset=utf-8")


def _value(request, name):
    """The parameter as a slug ("" when absent or empty); BadParameter when it cannot be one."""
    value = request.GET.get(name, "").strip()
    if len(value) > MAX_VALUE_LENGTH:
        raise BadParameter(name)
    if value:
        try:
            validate_slug(value)
        except ValidationError as error:
            raise BadParameter(name) from error
    return value


def read_parameters(request):
    """(locale, organisation or None) from the query string; BadParameter with the message to show."""
    unknown = set(request.GET.keys()) - PARAMETERS
    if unknown:
        raise BadParameter(
            _("Okänd parameter: %(names)s. Widgeten tar emot organisation och lang.")
            % {"names": ", ".join(sorted(unknown))}
        )
    try:
        language = _value(request, "lang") or settings.LANGUAGE_CODE
    except BadParameter as error:
        raise BadParameter(_("Okänt språk.")) from error
    locale = Locale.objects.filter(language_code=language).first()
    if language not in dict(settings.LANGUAGES) or locale is None:
        raise BadParameter(_("Okänt språk."))
    try:
        slug = _value(request, "organisation")
    except BadParameter as error:
        raise BadParameter(_("Okänd organisation.")) from error
    organisation = None
    if slug:
        organisation = Organisation.objects.filter(slug=slug).first()
        if organisation is None:
            raise BadParameter(_("Okänd organisation."))
    return locale, organisation


def _in_sections(pages, section_model, locale, organisation):
    if organisation is None:
        return pages
    paths = section_model.objects.filter(locale=locale, organisation=organisation).values_list("path", flat=True)
    condition = Q(pk__in=[])
    for path in paths:
        condition |= Q(path__startswith=path)
    return pages.filter(condition)


def widget_view(kind):
    """The view for ``kind`` ("news" or "trainings")."""

    @require_safe
    @frameable_by_partners
    def view(request):
        try:
            locale, organisation = read_parameters(request)
        except BadParameter as error:
            return bad_request(str(error.args[0]))
        with translation.override(locale.language_code):
            context = CONTEXTS[kind](locale, organisation)
            context.update(
                language=locale.language_code,
                bidi=translation.get_language_bidi(),
                organisation=organisation,
            )
            response = render(request, f"channels/widget_{kind}.html", context)
        # The same answer for everyone: shared caches (and the site's page cache) may keep it.
        response["Cache-Control"] = "public"
        return response

    return view


def news_context(locale, organisation):
    pages = public(NewsPage.objects.live().filter(locale=locale))
    pages = _in_sections(pages, NewsSectionPage, locale, organisation)
    index = NewsIndexPage.objects.live().filter(locale=locale).first()
    return {
        "heading": _("Senaste nyheterna"),
        "items": list(pages.defer_streamfields().order_by("-date", "-pk")[:ITEMS]),
        "more_url": index.full_url if index else "",
        "more_label": _("Alla nyheter"),
        "empty": _("Inga nyheter just nu."),
    }


def trainings_context(locale, organisation):
    pages = public(TrainingPage.objects.live().filter(locale=locale, cancelled=False))
    pages = _in_sections(pages, TrainingSectionPage, locale, organisation)
    pages = TrainingPage.annotate_listing(pages).defer_streamfields()
    index = TrainingIndexPage.objects.live().filter(locale=locale).first()
    now = timezone.now()
    return {
        "heading": _("Kommande utbildningar"),
        "items": list(pages.filter(upcoming_q(now)).order_by("first_start", "pk")[:ITEMS]),
        "more_url": index.full_url if index else "",
        "more_label": _("Alla utbildningar"),
        "empty": _("Inga kommande utbildningar just nu."),
    }


CONTEXTS = {"news": news_context, "trainings": trainings_context}
news = widget_view("news")
trainings = widget_view("trainings")

"""Template tags used by base.html: language links, the localized home page, partners."""

import json

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone, translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page, Site

from home import fragments, navigation, renditions
from home.renditions import image_tag
from home.visibility import public
from workflows.models import Organisation

register = template.Library()


def _language_names():
    return dict(settings.LANGUAGES)


@register.simple_tag(takes_context=True)
def localized_home(context):
    """The home page of the active language, falling back to the site root."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return None
    root = site.root_page
    language = translation.get_language()
    home = Page.objects.live().filter(translation_key=root.translation_key, locale__language_code=language).first()
    return home or root


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The main navigation of the active language (cached per site and language, see
    home.navigation): {"home_url", "items"}, or None outside a site."""
    return navigation.main_navigation(context.get("request"), context.get("page"))


@register.simple_tag(takes_context=True)
def breadcrumbs(context):
    """The way from the home page down to the current page, for the visible trail and the
    schema.org BreadcrumbList. None on the home page itself (and outside Wagtail pages)."""
    page = context.get("page")
    if not isinstance(page, Page) or page.id is None or page.depth <= 2:
        return None
    request = context.get("request")
    trail = navigation.breadcrumb_trail(page)
    items = [
        {
            "title": crumb.title,
            "url": crumb.get_url(request=request),
            "full_url": crumb.get_full_url(request=request),
            "current": crumb is page,
        }
        for crumb in trail
    ]
    data = {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": item["title"], "item": item["full_url"]}
            for position, item in enumerate(items, start=1)
        ],
    }
    return {"items": items, "json_ld": data}


@register.simple_tag(takes_context=True)
def page_address(context):
    """The page's absolute address (canonical link, og:url), else the request's: Wagtail's
    ``page.full_url`` without the request would read the site root paths once more."""
    page = context.get("page")
    request = context.get("request")
    if isinstance(page, Page) and page.id is not None:
        address = page.get_full_url(request=request)
        if address:
            return address
    return request.build_absolute_uri(request.path) if request is not None else ""


@register.simple_tag(takes_context=True)
def page_languages(context):
    """Live translations of the current page (itself included), named in their own language."""
    page = context.get("page")
    if not isinstance(page, Page) or page.id is None:
        return []
    request = context.get("request")
    # Kept with the fragments: a publish, unpublish, move or view restriction renews them.
    return fragments.cached(request, f"page-languages:{page.pk}", lambda: _page_languages(page, request))


def _page_languages(page, request):
    names = _language_names()
    current = translation.get_language()
    links = []
    translations = public(page.get_translations(inclusive=True).live()).select_related("locale")
    order = {code: position for position, (code, _name) in enumerate(settings.LANGUAGES)}
    for translated in sorted(translations, key=lambda p: order.get(p.locale.language_code, 99)):
        code = translated.locale.language_code
        links.append(
            {
                "code": code,
                "name": names.get(code, code),
                "url": translated.get_url(request=request),
                "full_url": translated.get_full_url(request=request),
                "current": code == current,
                "bidi": code in settings.LANGUAGES_BIDI,
            }
        )
    return links


@register.simple_tag(takes_context=True)
def easy_to_read_link(context):
    """The easy-to-read Swedish version of the current page (or, on it, the ordinary page)."""
    page = context.get("page")
    easy_version = getattr(page, "easy_to_read_version", None)
    if easy_version is None:
        return None
    if page.easy_to_read:
        parent = page.get_parent().specific
        return {"url": parent.get_url(request=context.get("request")), "easy": False} if parent.live else None
    target = easy_version()
    if target is None:
        return None
    return {"url": target.get_url(request=context.get("request")), "easy": True}


# Shown if the central list is empty or unreachable: the two numbers every page must carry.
FALLBACK_HELP_NUMBERS = [
    {"label": _("Larmnummer 112"), "description": _("Vid akut fara"), "number": "112", "tel": "112"},
    {
        "label": _("Kvinnofridslinjen"),
        "description": _("Dygnet runt, gratis och anonymt"),
        "number": "020-50 50 50",
        "tel": "+4620505050",
    },
]


def _help_numbers(footer):
    from home.models import HelpNumber

    numbers = HelpNumber.objects.live().select_related("organisation")
    if footer:
        numbers = numbers.filter(show_in_footer=True)
    return list(numbers)


@register.simple_tag(takes_context=True)
def help_numbers(context, footer=False):
    """The central help numbers (home.HelpNumber), footer ones only if ``footer`` (cached, home.fragments)."""
    numbers = fragments.cached(
        context.get("request"),
        f"help-numbers:{'footer' if footer else 'all'}",
        lambda: _help_numbers(footer),
        per_language=False,
        per_site=False,
    )
    return numbers or FALLBACK_HELP_NUMBERS


def _nexus_phone():
    from home.models import HelpNumber

    return HelpNumber.objects.live().filter(service=HelpNumber.Service.NEXUS).first()


@register.simple_tag(takes_context=True)
def nexus_phone(context):
    """The Nexus number from the central help numbers (None until one is entered; cached)."""
    return fragments.cached(context.get("request"), "nexus-phone", _nexus_phone, per_language=False, per_site=False)


def _default_language_code():
    """The default content language (``Locale.get_default()``'s code, without its query)."""
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


@register.simple_tag
def x_default_url(languages):
    """The Swedish version's absolute URL: the hreflang x-default of a translated page."""
    default = _default_language_code()
    for language in languages:
        if language["code"] == default:
            return language["full_url"]
    return ""


@register.simple_tag
def default_language_code():
    return _default_language_code()


@register.simple_tag
def partner_organisations():
    return list(Organisation.objects.select_related("logo"))


@register.simple_tag
def audience_pages(home):
    """The live, public audience pages directly under ``home`` (easy-to-read versions excluded)."""
    from home.models import AudiencePage

    if not isinstance(home, Page):
        return []
    return list(public(AudiencePage.objects.child_of(home).live()).filter(easy_to_read=False))


# The same escapes as Django's json_script: <, > and & can never close the script element.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def json_ld(data):
    """``<script type="application/ld+json">`` for schema.org data, escaped like json_script."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(JSON_SCRIPT_ESCAPES)
    # Safe: escaped exactly like json_script, so editor text cannot end the element.
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308


@register.filter
def html_datetime(value):
    """A valid HTML ``datetime`` attribute: ISO 8601 in local time, whole seconds (``date:"c"``
    would keep microseconds, which the HTML standard caps at three digits)."""
    if not value:
        return ""
    if hasattr(value, "hour"):
        return timezone.localtime(value).replace(microsecond=0).isoformat()
    return value.isoformat()


# {% site_image value.image story alt=… %}: Wagtail's image tag, the spec named in home.renditions.
register.tag("site_image", image_tag(renditions.SPECS, "site_image"))

"""Template tags for the public site: Open Graph locale and the footer's service links."""

from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import mark_safe
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page

from home import fragments
from home.visibility import public

register = template.Library()

# Open Graph wants language_TERRITORY; the territory where most readers of each language live.
OG_LOCALES = {
    "sv": "sv_SE",
    "en": "en_GB",
    "ar": "ar_AR",
    "fa": "fa_IR",
    "so": "so_SO",
    "ti": "ti_ER",
    "ckb": "ku_IQ",
    "fi": "fi_FI",
}

# Slugs of the Swedish service pages linked from every footer, in order.
FOOTER_PAGE_SLUGS = ("sakerhet", "tillganglighet", "integritet", "material")


@register.simple_tag
def og_locale():
    language = translation.get_language() or "sv"
    return OG_LOCALES.get(language, language.replace("-", "_"))


@register.simple_tag(takes_context=True)
def footer_pages(context):
    """The safety page, the accessibility statement and the privacy notice, in the active language when translated."""
    request = context.get("request")
    default_code = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    sources = {
        page.slug: page
        for page in public(Page.objects.live())
        .filter(locale__language_code=default_code, depth=3, slug__in=FOOTER_PAGE_SLUGS)
        .only("id", "title", "slug", "url_path", "translation_key", "locale_id")
    }
    language = translation.get_language()
    if not language or language == default_code:
        translated = {page.translation_key: page for page in sources.values()}
    elif sources:
        translated = {
            page.translation_key: page
            for page in public(Page.objects.live())
            .filter(
                locale__language_code=language,
                translation_key__in=[page.translation_key for page in sources.values()],
            )
            .only("id", "title", "slug", "url_path", "translation_key", "locale_id")
        }
    else:
        translated = {}
    links = []
    for slug in FOOTER_PAGE_SLUGS:
        source = sources.get(slug)
        if source is None:
            continue
        page = translated.get(source.translation_key)
        links.append(
            {
                "title": (page or source).title,
                "url": (page or source).get_url(request=request),
                # A Swedish fallback inside another language is marked so screen readers switch voice.
                "lang": None if page else default_code,
            }
        )
    return links


@register.simple_tag(takes_context=True)
def privacy_notice_url(context):
    """The privacy notice in the active language (else the Swedish one): every form links it (cached)."""
    from home.models import PrivacyNoticePage

    request = context.get("request")

    def build():
        pages = public(PrivacyNoticePage.objects.live())
        language = translation.get_language() or Locale.get_default().language_code
        page = pages.filter(locale__language_code=language).first() or pages.filter(locale=Locale.get_default()).first()
        return page.get_url(request=request) if page else ""

    return fragments.cached(request, "privacy-url", build)


@register.simple_tag(takes_context=True)
def site_footer(context):
    """The whole footer (help numbers, service links, collaboration sentence, partner logos),
    rendered once per site, language and generation (home.fragments); previews render it afresh."""
    request = context.get("request")
    # A template rendered with autoescape on: the variables in it are escaped.
    return mark_safe(  # noqa: S308
        fragments.cached(
            request, "footer", lambda: render_to_string("components/footer_content.html", {"request": request})
        )
    )


def _quick_exit_url(request):
    from home.models import SiteSettings

    if request is None:
        return settings.NEXUS_QUICK_EXIT_DEFAULT_URL
    return SiteSettings.for_request(request).quick_exit_url


@register.simple_tag(takes_context=True)
def quick_exit_url(context):
    """The quick exit's neutral target from the site settings (cached, home.fragments)."""
    request = context.get("request")
    return fragments.cached(request, "quick-exit", lambda: _quick_exit_url(request), per_language=False)


@register.simple_tag
def collaboration_sentence():
    """The approved collaboration sentence of the active language (or the translated standard one)."""
    from home.models import CollaborationSentence

    return CollaborationSentence.for_locale()


@register.inclusion_tag("components/site_notice.html", takes_context=True)
def site_notice(context):
    """The approved site notices of the active language, shown now (home.SiteNotice, cached)."""
    from home.notices import current_notices

    return {"notices": current_notices(context.get("request"))}

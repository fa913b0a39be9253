"""Template tags used by base.html: language links, the localized home page, partners."""

from django import template
from django.conf import settings
from django.utils import translation
from wagtail.models import Locale, Page, Site

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
def page_languages(context):
    """Live translations of the current page (itself included), named in their own language."""
    page = context.get("page")
    if not isinstance(page, Page) or page.id is None:
        return []
    names = _language_names()
    current = translation.get_language()
    links = []
    translations = page.get_translations(inclusive=True).live().public().select_related("locale")
    order = {code: position for position, (code, _name) in enumerate(settings.LANGUAGES)}
    for translated in sorted(translations, key=lambda p: order.get(p.locale.language_code, 99)):
        code = translated.locale.language_code
        links.append(
            {
                "code": code,
                "name": names.get(code, code),
                "url": translated.get_url(request=context.get("request")),
                "full_url": translated.get_full_url(request=context.get("request")),
                "current": code == current,
                "bidi": code in settings.LANGUAGES_BIDI,
            }
        )
    return links


@register.simple_tag
def default_language_code():
    return Locale.get_default().language_code


@register.simple_tag
def partner_organisations():
    return list(Organisation.objects.select_related("logo"))

"""The active language comes from an exact URL prefix (/en/, /ar/ …), Swedish otherwise."""

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation


class ExactPrefixLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware reads /ar-du-utsatt/ as Arabic: "ar-du-utsatt" is taken for a
    language tag whose generic variant "ar" is a site language, even with strict matching. Swedish
    slugs often start like that ("en-…", "ar-…", "fi-…"), and the page would then 404. Here only a
    first path segment that *is* a site language switches language; everything else is Swedish
    (the unprefixed default, as with ``prefix_default_language=False``).
    """

    def process_request(self, request):
        first_segment = request.path_info.lstrip("/").split("/", 1)[0]
        codes = {code for code, _name in settings.LANGUAGES}
        language = first_segment if first_segment in codes else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()

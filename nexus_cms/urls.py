from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from home import tags

# Outside the language prefix: admin, documents and machine-facing files.
urlpatterns = [
    # Before Wagtail's own (same URL and name): lists only tags the editor may see.
    path("admin/tag-autocomplete/", tags.autocomplete, name="wagtailadmin_tag_autocomplete"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("", include("home.urls")),
    path("", include("news.urls")),
    path("", include("training.urls")),
    path("", include("press.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Public pages: Swedish without prefix, other languages under /<code>/.
urlpatterns += i18n_patterns(
    path("", include("home.i18n_urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

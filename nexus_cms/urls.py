from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from channels.admin_views import SiteHistoryView
from home import tags

from . import health

# Outside the language prefix: admin, documents and machine-facing files.
urlpatterns = [
    # Before Wagtail's own (same URL and name): lists only tags the editor may see.
    path("admin/tag-autocomplete/", tags.autocomplete, name="wagtailadmin_tag_autocomplete"),
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    # Before Wagtail's own (same addresses): the site history without other organisations' campaigns.
    path("admin/reports/site-history/", SiteHistoryView.as_view()),
    path("admin/reports/site-history/results/", SiteHistoryView.as_view(results_only=True)),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("", include("home.urls")),
    path("", include("news.urls")),
    path("", include("training.urls")),
    path("", include("press.urls")),
    path("", include("workflows.urls")),
    path("", include("channels.urls")),
]

if settings.NEXUS_SERVE_MEDIA or settings.DEBUG:
    # Uploaded files when no web server serves them (`make run`, `make dev`).
    from . import media

    urlpatterns += [path("media/<path:path>", media.serve, name="media")]

# Public pages: Swedish without prefix, other languages under /<code>/.
urlpatterns += i18n_patterns(
    path("", include("home.i18n_urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

# 500, or 503 while the database is unreachable: the static page either way.
handler500 = "nexus_cms.errors.server_error"

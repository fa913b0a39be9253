"""Production: refuses to start without the variables it needs; passes check --deploy."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env

for _required in ("SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "WAGTAILADMIN_BASE_URL", "NEXUS_PUBLIC_URL"):
    if not env(_required, default=""):
        raise ImproperlyConfigured(f"Production settings need the environment variable {_required}.")

SECRET_KEY = env("SECRET_KEY")
if len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("SECRET_KEY must be at least 50 random characters.")
SECRET_KEY_FALLBACKS = env.list("SECRET_KEY_FALLBACKS", default=[])
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

# TLS ends at the proxy, which sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = 31_536_000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_NAME = "__Host-sessionid"
CSRF_COOKIE_NAME = "__Host-csrftoken"

# Without Redis, the database cache: every gunicorn worker and machine sees the same counters
# (the public forms' per-address rate limits), which per-process memory would not give.
# setup_site creates its table.
if not env("REDIS_URL", default=""):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "nexus_cache",
        },
        # The anonymous page cache (home/page_cache.py): a hit is this table's one query.
        "pages": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "nexus_page_cache",
            "OPTIONS": {"MAX_ENTRIES": 20000},
        },
        # Wagtail stores every rendition it hands out in this cache, on every render: with the
        # database cache that is a write transaction per image per page. Listings prefetch their
        # renditions and a page's own images are read from their table (one query), so none here.
        "renditions": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
    }

STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
}

# One line per record on stderr (the journal), with the request's id ("-" in jobs and the
# worker): nginx's and gunicorn's access lines carry the same id (nexus_cms/request_log.py).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "nexus_cms.request_log.RequestIdFilter"}},
    "formatters": {"line": {"format": "%(levelname)s %(name)s request_id=%(request_id)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["request_id"], "formatter": "line"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
}

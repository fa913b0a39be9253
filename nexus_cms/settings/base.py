"""Settings shared by every environment. Secure by default: no DEBUG, no default secret.

Every value that differs between machines is read from the environment through ``env``
(django-environ); each variable is listed in ``.env.example`` and in the README.
"""

import re
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import django.conf.locale
import environ
from django.core.exceptions import ImproperlyConfigured

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

env = environ.Env()
if (BASE_DIR / ".env").exists():
    environ.Env.read_env(BASE_DIR / ".env")

# Machine-local state (SQLite file, media, collected static files, locks, the local secret).
NEXUS_VAR_DIR = Path(env("NEXUS_VAR_DIR", default=str(BASE_DIR / "var")))

# The address readers use: scheme, host, port and an optional path prefix when the site is served
# below another organisation's address (https://www.uppsala.se/nexus-hedersvald). setup_site writes
# scheme, host and port into Wagtail's Site; the prefix becomes FORCE_SCRIPT_NAME and prefixes
# static and media URLs. Every absolute URL for readers (canonical, hreflang, sitemap, feeds,
# subscriber and booking mails) derives from it; editor mails use WAGTAILADMIN_BASE_URL.
NEXUS_PUBLIC_URL = env("NEXUS_PUBLIC_URL", default="http://127.0.0.1:8000")
_public = urlsplit(NEXUS_PUBLIC_URL)
if _public.scheme not in ("http", "https") or not _public.hostname or _public.query or _public.fragment:
    raise ImproperlyConfigured("NEXUS_PUBLIC_URL must look like https://host[:port][/prefix].")
if _public.scheme == "https" and _public.port not in (None, 443):
    # Wagtail's Site derives the scheme from the port: https only on 443.
    raise ImproperlyConfigured("NEXUS_PUBLIC_URL: https is supported on port 443 only.")
NEXUS_PUBLIC_PREFIX = _public.path.rstrip("/")
FORCE_SCRIPT_NAME = NEXUS_PUBLIC_PREFIX or None

DEBUG = False
SECRET_KEY = env("SECRET_KEY", default=None)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])

INSTALLED_APPS = [
    "home",
    "accounts",
    "workflows",
    "news",
    "training",
    "press",
    "channels",
    "demo",
    "wagtail_localize",
    "wagtail.locales",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    # The partners' read API (channels.api): Wagtail's API v2 on Django REST framework.
    "wagtail.api.v2",
    "rest_framework",
    "wagtail.contrib.redirects",
    "wagtail.contrib.frontend_cache",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "dbbackup",
    "django_tasks",
    "django_tasks_db",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
]

MIDDLEWARE = [
    # First: every log line of the request carries its id (nginx's X-Request-ID).
    "nexus_cms.request_log.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Whole pages for readers without a session, from the shared "pages" cache: a hit runs
    # nothing below (home/page_cache.py).
    "home.page_cache.PageCacheMiddleware",
    # NUL bytes in the path or any parameter: 404 (query, path) or 400 (POST) before any view.
    "nexus_cms.middleware.RefuseUnencodableInputMiddleware",
    # View restrictions read once per request for every listing's "public" filter (home.visibility).
    "home.visibility.RestrictionsPerRequestMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "home.language.ExactPrefixLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Admin sessions: idle expiry and, where required, the second factor before any admin page.
    "accounts.middleware.AdminSessionMiddleware",
    # Page rights for wagtail-localize's create/sync/publish views (it checks only a global permission).
    "workflows.translations.TranslationGuardMiddleware",
    # Media a live page shows are deleted only by Projektledning (Wagtail has no hook for it).
    "workflows.media.MediaDeleteGuardMiddleware",
    # Other organisations' unpublished page titles stay out of the explorer and the chooser.
    "workflows.visibility.DraftVisibilityMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "nexus_cms.middleware.AdminContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Its process_view answers admin page writes from inside a page lock (no process_view after it).
    "workflows.publishing.PageWriteLockMiddleware",
    # Answers a locked-out sign-in with 429 (django-axes wants to be last).
    "axes.middleware.AxesMiddleware",
]

# django-axes refuses sign-ins while a username + address is locked out; it must come first.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "nexus_cms.urls"
WSGI_APPLICATION = "nexus_cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: an SQLite file under var/ unless DATABASE_URL says otherwise.
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{NEXUS_VAR_DIR / 'nexus.sqlite3'}")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = 3
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
elif DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Django's backend with a health check for kept connections (nexus_cms/sqlite/base.py).
    DATABASES["default"]["ENGINE"] = "nexus_cms.sqlite"
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    # Serialise write transactions so booking counts stay correct on SQLite too.
    DATABASES["default"].setdefault("OPTIONS", {})["transaction_mode"] = "IMMEDIATE"
    DATABASES["default"]["OPTIONS"].setdefault("timeout", 20)
# Connections stay open between requests (seconds; 0 closes each at the end of its request): a
# cached page then costs one cache query instead of a connection set-up too. Checked before reuse
# (CONN_HEALTH_CHECKS), so a database that went away and came back is reconnected to.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=600)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis when REDIS_URL is set, otherwise local memory here (development); production uses
# the database instead (settings/production.py), so the rate limits count across workers.
# "pages" holds the anonymous page cache (home/page_cache.py): Redis too, or a database table of
# its own in production, so a flood of pages never culls the rate-limit counters.
if env("REDIS_URL", default=""):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": env("REDIS_URL"),
            "KEY_PREFIX": "nexus",
        },
        "pages": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": env("REDIS_URL"),
            "KEY_PREFIX": "nexus-pages",
        },
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "nexus",
        },
        "pages": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "nexus-pages",
            "OPTIONS": {"MAX_ENTRIES": 5000},
        },
    }
# Seconds a cached page lives at most; publishing and the other changes of home/signals.py
# make every cached page stale at once, this bounds what depends on the clock alone.
PAGE_CACHE_SECONDS: int = env.int("PAGE_CACHE_SECONDS", default=300)

# Edge cache in front (Varnish from the Debian packages, or a CDN): what a publish or unpublish
# purges is home/frontend_cache.py; the Varnish configuration is deploy/varnish/nexus.vcl.
WAGTAILFRONTENDCACHE = {}
if env("NEXUS_VARNISH_URL", default=""):
    WAGTAILFRONTENDCACHE["varnish"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": env("NEXUS_VARNISH_URL"),
    }
if env("NEXUS_CLOUDFLARE_ZONEID", default=""):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": env("NEXUS_CLOUDFLARE_ZONEID"),
        "BEARER_TOKEN": env("NEXUS_CLOUDFLARE_BEARER_TOKEN"),
    }
if env("NEXUS_CLOUDFRONT_DISTRIBUTION_ID", default=""):
    # Needs boto3 and AWS credentials in the environment (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY).
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": env("NEXUS_CLOUDFRONT_DISTRIBUTION_ID"),
    }

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Languages --------------------------------------------------------------------------
# Swedish has no URL prefix; every other site language has /<code>/.
LANGUAGE_CODE = "sv"
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True

LANGUAGES = [
    ("sv", "Svenska"),
    ("en", "English"),
    ("ar", "العربية"),
    ("fa", "فارسی"),
    ("so", "Soomaali"),
    ("ti", "ትግርኛ"),
    ("ckb", "کوردی"),
    ("fi", "Suomi"),
]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
LANGUAGES_BIDI = ["ar", "fa", "ckb", "he", "ur", "ug"]
# The interface catalogues (.po, edited by translators) and where their compiled .mo files are
# read from: the same folder, except in the tests, which compile into a folder of their own.
NEXUS_CATALOGUE_DIR = BASE_DIR / "locale"
LOCALE_PATHS = [NEXUS_CATALOGUE_DIR]

# Django ships no locale data for Somali and Tigrinya: without these entries
# get_language_info() raises KeyError. The catalogues in locale/ make them activate.
EXTRA_LANG_INFO = {
    "so": {"bidi": False, "code": "so", "name": "Somali", "name_local": "Soomaali"},
    "ti": {"bidi": False, "code": "ti", "name": "Tigrinya", "name_local": "ትግርኛ"},
}
django.conf.locale.LANG_INFO.update(EXTRA_LANG_INFO)

# --- Static and media -------------------------------------------------------------------
STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATIC_ROOT = NEXUS_VAR_DIR / "static"
# Where a scheduled-publishing runner on a non-PostgreSQL database keeps its file lock.
NEXUS_LOCK_DIR = NEXUS_VAR_DIR
STATIC_URL = f"{NEXUS_PUBLIC_PREFIX}/static/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", default=str(NEXUS_VAR_DIR / "media")))
MEDIA_URL = f"{NEXUS_PUBLIC_PREFIX}/media/"
# Serve MEDIA_ROOT from Django (nexus_cms.media) when no web server in front does it: `make run`.
NEXUS_SERVE_MEDIA = env.bool("NEXUS_SERVE_MEDIA", default=False)

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Media in an S3-compatible object store instead of MEDIA_ROOT (nexus_cms/object_storage.py):
# images public through the bucket's policy, documents only through Wagtail's serve view.
NEXUS_MEDIA_ORIGINS: list[str] = []
if env("AWS_STORAGE_BUCKET_NAME", default=""):
    from nexus_cms.object_storage import media_origin, s3_media_storage

    _s3 = {
        "endpoint_url": env("AWS_S3_ENDPOINT_URL", default=""),
        "region": env("AWS_S3_REGION_NAME", default=""),
        "custom_domain": env("AWS_S3_CUSTOM_DOMAIN", default=""),
    }
    STORAGES["default"] = s3_media_storage(env("AWS_STORAGE_BUCKET_NAME"), **_s3)
    NEXUS_MEDIA_ORIGINS = [media_origin(**_s3)]

# --- Backups (manage.py backup / restore, through django-dbbackup) ----------------------
# Database and media archives go to NEXUS_BACKUP_DIR; each backup keeps the newest
# NEXUS_BACKUP_KEEP of each kind (a daily timer: two weeks). Copy the folder off the machine.
NEXUS_BACKUP_DIR = Path(env("NEXUS_BACKUP_DIR", default=str(NEXUS_VAR_DIR / "backups")))
NEXUS_BACKUP_KEEP: int = env.int("NEXUS_BACKUP_KEEP", default=14)

# check_links (the broken-link report): whether external http(s) links are requested (HEAD, then GET).
# Off where the machine has no outbound network (the prod check).
NEXUS_LINK_CHECK_EXTERNAL: bool = env.bool("NEXUS_LINK_CHECK_EXTERNAL", default=True)
STORAGES["dbbackup"] = {
    "BACKEND": "django.core.files.storage.FileSystemStorage",
    "OPTIONS": {"location": str(NEXUS_BACKUP_DIR)},
}
DBBACKUP_CLEANUP_KEEP = NEXUS_BACKUP_KEEP
DBBACKUP_CLEANUP_KEEP_MEDIA = NEXUS_BACKUP_KEEP
DBBACKUP_SEND_EMAIL = False
# SQLite is restored through SQLite's backup API, safe while workers have the file open (home/backup.py).
DBBACKUP_CONNECTOR_MAPPING = {
    "django.db.backends.sqlite3": "home.backup.SqliteOnlineConnector",
    "nexus_cms.sqlite": "home.backup.SqliteOnlineConnector",
}

# --- E-mail -----------------------------------------------------------------------------
EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Nexus <noreply@nexus.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Tasks (Django's task framework as Wagtail uses it) ---------------------------------
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# --- Security ---------------------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 8 * 60 * 60

# --- Admin sign-in ----------------------------------------------------------------------
# Every admin user needs a second factor (TOTP app, or a one-time recovery code): no admin page
# before enrolment. Only the development and test settings switch it off (the demo's logins).
NEXUS_REQUIRE_MFA = True
# Failed sign-ins (wrong password or code) per username and client address before a lockout,
# and the hours the lockout lasts; administrators can lift one earlier (Inställningar → Konton).
NEXUS_LOGIN_FAILURE_LIMIT: int = env.int("NEXUS_LOGIN_FAILURE_LIMIT", default=5)
NEXUS_LOGIN_COOLOFF_HOURS: float = env.float("NEXUS_LOGIN_COOLOFF_HOURS", default=1)
# Seconds without a request after which a signed-in session must sign in again.
NEXUS_ADMIN_IDLE_TIMEOUT: int = env.int("NEXUS_ADMIN_IDLE_TIMEOUT", default=30 * 60)
# Reverse proxies in front of the app that append to X-Forwarded-For (nginx: 1). 0 = use the
# connection's address. The client address (lockouts, public-form rate limits) is the entry this
# many places from the right; entries further left are whatever the client sent.
NEXUS_TRUSTED_PROXY_COUNT: int = env.int("NEXUS_TRUSTED_PROXY_COUNT", default=0)

AXES_FAILURE_LIMIT = NEXUS_LOGIN_FAILURE_LIMIT
AXES_COOLOFF_TIME = timedelta(hours=NEXUS_LOGIN_COOLOFF_HOURS)
# Per username *and* address: a stranger cannot lock the project leader out from elsewhere.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "accounts.clientip.client_ip"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/lockout.html"
AXES_VERBOSE = False
# Successful sign-ins are in Wagtail's audit log already (accounts.audit): no second record.
AXES_DISABLE_ACCESS_LOG = True
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
OTP_TOTP_ISSUER = "Nexus"
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Strict policy on the public site; the admin needs inline scripts (wagtail/wagtail#1288)
# and is excluded here, then given its own policy by nexus_cms.middleware.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", *NEXUS_MEDIA_ORIGINS],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    },
}
PERMISSIONS_POLICY = {
    "camera": [],
    "microphone": [],
    "geolocation": [],
    "payment": [],
    "usb": [],
    "interest-cohort": [],
}

# --- Wagtail ----------------------------------------------------------------------------
# Password and, for users who have one, the second factor in one form (accounts.forms).
WAGTAILADMIN_USER_LOGIN_FORM = "accounts.forms.SecondFactorLoginForm"
WAGTAIL_SITE_NAME = "Nexus resurscentrum mot hedersrelaterat våld"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_USER_TIME_ZONES = ["Europe/Stockholm"]
WAGTAILADMIN_PERMITTED_LANGUAGES = [("sv", "Svenska"), ("en", "English")]
# Wagtail's database backend with each language's PostgreSQL text search configuration
# (home/search_backend.py); languages PostgreSQL has none for are searched with "simple".
# SQLite: FTS5, which stems no language. After changing these: manage.py update_index.
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "home.search_backend",
        "SEARCH_CONFIG": "swedish",  # objects without a language: images, documents
        "LANGUAGE_CONFIGS": {"sv": "swedish", "en": "english", "ar": "arabic", "fi": "finnish"},
    }
}
# Or a search server shared by every app server: NEXUS_SEARCH_URL=opensearch://host:9200 (OpenSearch
# 3, Wagtail's opensearch3 backend, needs opensearch-py) or elasticsearch://host:9200 (Elasticsearch
# 9, needs the elasticsearch client); "+https" after the name for TLS, user:password@ for basic auth.
# One index for every language, analysed as Swedish. After switching: manage.py update_index.
NEXUS_SEARCH_URL = env("NEXUS_SEARCH_URL", default="")
SEARCH_SERVER_BACKENDS = {
    "opensearch": "wagtail.search.backends.opensearch3",
    "elasticsearch": "wagtail.search.backends.elasticsearch9",
}
if NEXUS_SEARCH_URL:
    _search = urlsplit(NEXUS_SEARCH_URL)
    _kind, _plus, _transport = _search.scheme.partition("+")
    if _kind not in SEARCH_SERVER_BACKENDS or _transport not in ("", "http", "https") or not _search.hostname:
        raise ImproperlyConfigured(
            "NEXUS_SEARCH_URL must look like opensearch://host:9200 or elasticsearch+https://host:9200 "
            f"(known: {', '.join(sorted(SEARCH_SERVER_BACKENDS))}); got scheme {_search.scheme!r}."
        )
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": SEARCH_SERVER_BACKENDS[_kind],
            "URLS": [_search._replace(scheme=_transport or "http").geturl()],
            "INDEX_PREFIX": env("NEXUS_SEARCH_INDEX_PREFIX", default="nexus_"),
            "TIMEOUT": 10,
            "INDEX_SETTINGS": {"settings": {"analysis": {"analyzer": {"default": {"type": "swedish"}}}}},
        }
    }
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
# SVG only as a download (logos on the material kit page): documents are never served inline.
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "xlsx", "ods", "pptx", "odp", "txt", "csv", "svg"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_IMAGE_MODEL = "home.NexusImage"
# The public text and file of media a live page shows change only through Projektledning.
WAGTAILIMAGES_IMAGE_FORM_BASE = "workflows.media.ImageForm"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "workflows.media.DocumentForm"
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
WAGTAILADMIN_NOTIFICATION_USE_HTML = False

# wagtail-localize: a translation never goes live by itself; approval publishes it.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# Machine translation is off unless configured (DeepL/Google send text to third parties and need
# a data-protection review; LibreTranslate can be self-hosted). Dev and test use the offline
# DummyTranslator. Example: NEXUS_LIBRETRANSLATE_URL=https://translate.internal/
if env("NEXUS_LIBRETRANSLATE_URL", default=""):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
        "OPTIONS": {
            "LIBRETRANSLATE_URL": env("NEXUS_LIBRETRANSLATE_URL"),
            "API_KEY": env("NEXUS_LIBRETRANSLATE_API_KEY", default=""),
        },
    }

# The neutral site the quick-exit button leaves for, unless site settings say otherwise.
NEXUS_QUICK_EXIT_DEFAULT_URL = "https://www.smhi.se/"

# Who hears of an activity recorded for an organisation without a communicator in the network:
# the project leader and the coordinator (usernames of Projektledning members, or addresses).
NEXUS_ACTIVITY_NOTIFY: list[str] = env.list("NEXUS_ACTIVITY_NOTIFY", default=[])

# --- Public forms, bookings and subscriptions -------------------------------------------
# Every tunable of the public forms, declared here once (read as ``settings.X``, no defaults in code).
# Seconds a rendered form's signed token stays valid (booking, training request, press subscription).
FORM_TOKEN_MAX_AGE: int = env.int("FORM_TOKEN_MAX_AGE", default=24 * 60 * 60)
# (POSTs, seconds) per client address for the booking, cancel and training request forms.
TRAINING_RATE_LIMIT: tuple[int, int] = tuple(env.list("TRAINING_RATE_LIMIT", cast=int, default=[10, 600]))
# Days after a training's last session before purge_training_bookings blanks the personal data;
# the booking form tells visitors this number.
TRAINING_BOOKING_RETENTION_DAYS: int = env.int("TRAINING_BOOKING_RETENTION_DAYS", default=30)
# Days after a training request came in before purge_training_requests blanks the contact data.
TRAINING_REQUEST_RETENTION_DAYS: int = env.int("TRAINING_REQUEST_RETENTION_DAYS", default=365)
# Where readers send questions about their personal data (the privacy notice shows it); the
# default is a placeholder until the controller's data protection officer confirms an address.
PRIVACY_CONTACT_EMAIL: str = env.str("PRIVACY_CONTACT_EMAIL", default="dataskyddsombud@uppsala.se")
# (POSTs, seconds) per client address for the press subscription form.
PRESS_SUBSCRIBE_RATE_LIMIT: tuple[int, int] = tuple(env.list("PRESS_SUBSCRIBE_RATE_LIMIT", cast=int, default=[5, 3600]))
# Seconds a press subscription's confirmation link stays valid (unsubscribe links never expire);
# expire_press_subscriptions deletes subscriptions still unconfirmed after that long.
PRESS_CONFIRM_MAX_AGE: int = env.int("PRESS_CONFIRM_MAX_AGE", default=7 * 24 * 60 * 60)

# --- Partners' channels (channels/) -----------------------------------------------------
# Origins (scheme://host[:port], a leading "*." for subdomains) of the partner intranets and
# websites that may show the widget (/widget/nyheter/, /widget/utbildningar/) in an iframe: its
# Content-Security-Policy says frame-ancestors 'self' and these. Empty: the site itself only.
NEXUS_WIDGET_FRAME_ANCESTORS: list[str] = env.list("NEXUS_WIDGET_HOSTS", default=[])
_ORIGIN = re.compile(r"https?://(\*\.)?[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*(:[0-9]{1,5})?")
for _origin in NEXUS_WIDGET_FRAME_ANCESTORS:
    if not _ORIGIN.fullmatch(_origin):
        raise ImproperlyConfigured(
            f"NEXUS_WIDGET_HOSTS: {_origin!r} is not an origin like https://intranet.example.se."
        )
# The read API's page size: at most this many items per request (?limit=).
WAGTAILAPI_LIMIT_MAX = 20
# No ?search= on the API: the site's search is /sok/ (channels.api).
WAGTAILAPI_SEARCH_ENABLED = False

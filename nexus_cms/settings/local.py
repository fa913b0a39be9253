"""`make run`: the production settings with local defaults, so the site runs as readers get it.

DEBUG off, the site's own error pages, the production middleware, headers and static storage
(WhiteNoise, manifest), on SQLite under NEXUS_VAR_DIR (var/ by default), plain HTTP on
127.0.0.1. Only what needs TLS is relaxed: no HTTPS redirect, no HSTS, no Secure cookies.
Media are served by Django (nexus_cms.media) because no web server is in front.
"""

import os
import secrets

from .base import NEXUS_VAR_DIR, env


def _local_secret_key():
    """A random secret generated once and kept in the var folder (never in the repository)."""
    path = NEXUS_VAR_DIR / "secret_key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_urlsafe(64))
    return path.read_text().strip()


# Defaults for the variables production insists on; the environment (or .env) still wins.
os.environ.setdefault("SECRET_KEY", _local_secret_key())
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{NEXUS_VAR_DIR / 'nexus.sqlite3'}")
os.environ.setdefault("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
os.environ.setdefault("NEXUS_PUBLIC_URL", "http://127.0.0.1:8000")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")

from .production import *  # noqa: E402, F403

# Plain HTTP on the local machine: cookies marked Secure (and the __Host- prefix, which needs
# Secure) would never come back, and HSTS would pin localhost to HTTPS in the browser.
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SESSION_COOKIE_NAME = "sessionid"
CSRF_COOKIE_NAME = "csrftoken"
SECURE_HSTS_SECONDS = 0
SECURE_HSTS_PRELOAD = False
SECURE_HSTS_INCLUDE_SUBDOMAINS = False

NEXUS_SERVE_MEDIA = env.bool("NEXUS_SERVE_MEDIA", default=True)
# Compiled catalogues go to the var folder, next to the other machine-local files.
LOCALE_PATHS = [NEXUS_VAR_DIR / "locale"]
# Subscriber mails and notifications run at once: `make run` starts no task worker.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

"""Test settings: fast hashing, local memory cache, tasks run immediately."""

import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .base import env

SECRET_KEY = "test-only-key-0123456789abcdefghijklmnopqrstuvwxyz-0123456789"
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"},
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
WAGTAILADMIN_BASE_URL = "http://testserver"
# Wagtail's default Site (localhost, port 80), as the tests have always seen it.
NEXUS_PUBLIC_URL = "http://localhost"
# The tests never write into the source tree: uploads and compiled catalogues go to temporary
# folders (one catalogue build per test process; tests/conftest.py compiles it at session start).
MEDIA_ROOT = env.path("TEST_MEDIA_ROOT", default=str(Path(tempfile.gettempdir()) / "nexus-test-media"))
LOCALE_PATHS = [Path(tempfile.mkdtemp(prefix="nexus-test-locale-"))]
NEXUS_LOCK_DIR = Path(tempfile.gettempdir()) / "nexus-test-locks"
STATIC_ROOT = Path(tempfile.gettempdir()) / "nexus-test-static"
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
    "CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator",
}
# Tests sign in with force_login; the sign-in tests switch the second factor on themselves.
NEXUS_REQUIRE_MFA = False
# Mount nexus_cms.media so its headers can be tested through the URLconf.
NEXUS_SERVE_MEDIA = True
# Backups of the tests' own databases never land in var/.
NEXUS_BACKUP_DIR = Path(tempfile.gettempdir()) / "nexus-test-backups"
STORAGES["dbbackup"]["OPTIONS"] = {"location": str(NEXUS_BACKUP_DIR)}  # noqa: F405
# SQLite tests run in memory, as Django does for its own backend (pytest-django recognises only
# that engine by name, so the project's backend says it here).
if DATABASES["default"]["ENGINE"] == "nexus_cms.sqlite":  # noqa: F405
    DATABASES["default"].setdefault("TEST", {})["NAME"] = ":memory:"  # noqa: F405

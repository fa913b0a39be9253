"""Probes for the load balancer and the service manager.

``/healthz``: the process answers (nothing else is touched, so a database outage never makes
the orchestrator kill healthy app servers). ``/readyz``: the database, the cache and the media
storage answer; 503 names the failing part. Neither sets a cookie nor may be cached.

Small views of our own rather than django-health-check: its storage check writes and deletes a
file on every probe (every few seconds, against the object store in production), and its
answers need wrapping anyway for no-store and a JSON body that names the failing part.
"""

import logging
import uuid

from django.core.cache import cache
from django.core.files.storage import default_storage
from django.db import connections
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)


def check_database():
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def check_cache():
    key = f"readyz:{uuid.uuid4().hex}"
    cache.set(key, "1", timeout=10)
    if cache.get(key) != "1":
        raise RuntimeError("cache did not return the value just stored")
    cache.delete(key)


def check_storage():
    # Lists the top level only: a directory on disk, one request to an object store.
    default_storage.listdir("")


CHECKS = {"database": check_database, "cache": check_cache, "storage": check_storage}


@never_cache
@require_safe
def healthz(request):
    return JsonResponse({"status": "ok"})


@never_cache
@require_safe
def readyz(request):
    results, failing = {}, []
    for name, check in CHECKS.items():
        try:
            check()
        except Exception as error:
            logger.warning("readyz: %s unavailable (%s)", name, type(error).__name__)
            results[name] = "unavailable"
            failing.append(name)
        else:
            results[name] = "ok"
    body = {"status": "unavailable" if failing else "ok", "checks": results}
    if failing:
        body["failing"] = failing
    return JsonResponse(body, status=503 if failing else 200)

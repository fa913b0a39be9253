"""Generation tokens for cached fragments (the main navigation, the site notices) and pages.

A cached fragment's key includes its generation token; renewing the token makes every fragment
built under the old one stale at once, in every process that shares the cache.
"""

import uuid

from django.core.cache import caches


def token(key, using="default"):
    """The current token under ``key`` in the cache ``using``, created on first use (``add`` keeps
    concurrent creators in step)."""
    cache = caches[using]
    value = cache.get(key)
    if value is None:
        cache.add(key, uuid.uuid4().hex, None)
        value = cache.get(key)
    return value


def renew(key, using="default"):
    caches[using].set(key, uuid.uuid4().hex, None)

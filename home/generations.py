"""Generation tokens for cached fragments (the main navigation, the site notices).

A cached fragment's key includes its generation token; renewing the token makes every fragment
built under the old one stale at once, in every process that shares the cache.
"""

import uuid

from django.core.cache import cache


def token(key):
    """The current token under ``key``, created on first use (``add`` keeps concurrent creators in step)."""
    value = cache.get(key)
    if value is None:
        cache.add(key, uuid.uuid4().hex, None)
        value = cache.get(key)
    return value


def renew(key):
    cache.set(key, uuid.uuid4().hex, None)

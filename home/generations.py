"""Generation tokens for cached fragments (the main navigation, the site notices) and pages, and
the two-level store those fragments live in.

A cached fragment's key includes its generation token; renewing the token makes every fragment
built under the old one stale at once, in every process that shares the cache.

Within a request the tokens are read once, together (one ``get_many``: one query with the database
cache), and remembered until the request ends; a token renewed during the request (an editor
publishing) is remembered as renewed. Outside a request (commands, the task worker) every read
goes to the cache.

``cached()`` keeps a fragment's value in the shared cache and, in front of it, in this process's
memory: a render then reads no fragment from the shared cache at all, only the tokens. That is
safe because every key names its generation: a change anywhere renews the token in the shared
cache, the next request of every process reads the new token and asks for new keys, and what this
process holds under the old ones is never read again (and dropped when the memory is full). Each
value also carries the time it stops being valid (built + timeout), so what depends on the clock
(the next trainings) is as late as the timeout at most, in both levels.
"""

import pickle
import threading
import time
import uuid

from django.core.cache import caches
from django.core.signals import request_finished, request_started

# Keys of the tokens on the default cache, read together once per request (registered by the
# modules that own them: fragments, navigation, notices).
_TOKEN_KEYS = set()
_request = threading.local()
# This process's copies: key -> (valid until, pickled value). Pickled, so no render can change
# what the next one reads.
_local_values = {}
LOCAL_MAX_ENTRIES = 2000


def register(key):
    """Declare a token of the default cache that requests read together; returns the key."""
    _TOKEN_KEYS.add(key)
    return key


def _begin_request(**kwargs):
    _request.tokens = {}


def _end_request(**kwargs):
    _request.tokens = None


request_started.connect(_begin_request, dispatch_uid="nexus_generations_request_started")
request_finished.connect(_end_request, dispatch_uid="nexus_generations_request_finished")


def _memo():
    return getattr(_request, "tokens", None)


def token(key, using="default"):
    """The current token under ``key`` in the cache ``using``, created on first use (``add`` keeps
    concurrent creators in step)."""
    memo = _memo()
    if memo is not None and (using, key) in memo:
        return memo[(using, key)]
    cache = caches[using]
    if memo is not None and using == "default" and key in _TOKEN_KEYS:
        found = cache.get_many(sorted(_TOKEN_KEYS))
        for name, value in found.items():
            memo[(using, name)] = value
        value = found.get(key)
    else:
        value = cache.get(key)
    if value is None:
        cache.add(key, uuid.uuid4().hex, None)
        value = cache.get(key)
    if memo is not None:
        memo[(using, key)] = value
    return value


def renew(key, using="default"):
    value = uuid.uuid4().hex
    caches[using].set(key, value, None)
    memo = _memo()
    if memo is not None:
        memo[(using, key)] = value


def _keep_locally(key, valid_until, value):
    if len(_local_values) >= LOCAL_MAX_ENTRIES:
        _local_values.clear()
    _local_values[key] = (valid_until, pickle.dumps(value, pickle.HIGHEST_PROTOCOL))


def cached(key, build, timeout, using="default"):
    """``build()``'s value under ``key`` (which must name a generation token), built at most once
    per ``timeout`` seconds across processes and read from this process's memory when it has it."""
    now = time.time()
    local = _local_values.get(key)
    if local is not None and local[0] > now:
        return pickle.loads(local[1])  # noqa: S301 (our own bytes, made by _keep_locally)
    cache = caches[using]
    # Entries are (valid until, value) pairs; what an older release stored under the same key is
    # not, and is rebuilt.
    stored = cache.get(key)
    if not (isinstance(stored, tuple) and len(stored) == 2 and isinstance(stored[0], float)) or stored[0] <= now:
        stored = (now + timeout, build())
        cache.set(key, stored, timeout)
    _keep_locally(key, *stored)
    return stored[1]


def forget_local_values():
    """Drop this process's copies (tests; the shared cache keeps its own)."""
    _local_values.clear()

"""Per-client rate limits for the public forms (bookings, training requests, press subscriptions).

The client is identified by a keyed hash of its address, so no IP address is stored, not even in
the cache. Behind a proxy, REMOTE_ADDR must be the client's address (set by the proxy).
"""

from django.core.cache import cache
from django.utils.crypto import salted_hmac


def rate_limited(request, scope, limit, window):
    """Count one attempt for this client in ``scope``; True once it exceeds ``limit`` per ``window`` s."""
    client = salted_hmac("nexus.rate-limit", request.META.get("REMOTE_ADDR", "")).hexdigest()
    key = f"rate:{scope}:{client}"
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.set(key, 1, timeout=window)
        count = 1
    return count > limit

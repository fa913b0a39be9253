"""Per-client rate limits for the public forms (bookings, training requests, press subscriptions).

The client is identified by a keyed hash of its address, so no IP address is stored, not even in
the cache. The address is the one the trusted proxies report (``accounts.clientip``), never a
header the client can set.
"""

from django.core.cache import cache
from django.utils.crypto import salted_hmac

from accounts.clientip import client_ip


def rate_limited(request, scope, limit, window):
    """Count one attempt for this client in ``scope``; True once it exceeds ``limit`` per ``window`` s."""
    client = salted_hmac("nexus.rate-limit", client_ip(request)).hexdigest()
    key = f"rate:{scope}:{client}"
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.set(key, 1, timeout=window)
        count = 1
    return count > limit

"""The client's address, as the configured number of trusted proxies report it.

Every proxy appends the address it received the connection from to X-Forwarded-For, so with N
trusted proxies the N-th entry from the right is the client as the outermost proxy saw it.
Entries further left were sent by the client and can say anything: they are never used.
"""

import ipaddress

from django.conf import settings


def client_ip(request):
    remote = request.META.get("REMOTE_ADDR", "")
    count = settings.NEXUS_TRUSTED_PROXY_COUNT
    if count <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if len(forwarded) < count:
        # Not through all the proxies (a direct connection or a misconfiguration): the peer it is.
        return remote
    candidate = forwarded[-count]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote

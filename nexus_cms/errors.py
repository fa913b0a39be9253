"""The server-error view: the static 500 page, or 503 when the database is unreachable.

During a database outage every request that needs the database fails with OperationalError
(connection refused, timeout, file gone); readers then get the same static page (help numbers,
quick exit, nothing that touches the database) with 503 and Retry-After, so proxies and crawlers
know it is temporary. With CONN_HEALTH_CHECKS and per-request connections the site serves again
as soon as the database answers, without a restart.
"""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader

UNAVAILABLE = (OperationalError, InterfaceError)


def server_error(request, template_name="500.html"):
    error = sys.exc_info()[1]
    unavailable = isinstance(error, UNAVAILABLE)
    response = HttpResponse(loader.get_template(template_name).render(), status=503 if unavailable else 500)
    response["Cache-Control"] = "no-store"
    if unavailable:
        response["Retry-After"] = "30"
    return response

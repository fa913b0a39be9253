"""A request id on every log line of a request: nginx's X-Request-ID, or a new one without nginx.

nginx sets ``X-Request-ID`` to its ``$request_id`` (32 random hex characters) on every request it
passes to gunicorn and writes the same id in its access log; gunicorn's access line carries it
too (deploy/gunicorn.conf.py), and ``RequestIdMiddleware`` puts it in a context variable that
``RequestIdFilter`` adds to every record the application logs while answering (``request_id=…``
in the production format), so an error line can be matched with its request in all three logs.
The response carries it back (``X-Request-ID``), for a reader who reports a problem. The id is
random: it says nothing about the reader. A header that is not a plain id is replaced.
"""

import contextvars
import logging
import re
import uuid

NO_REQUEST = "-"
_current = contextvars.ContextVar("nexus_request_id", default=NO_REQUEST)
ACCEPTED = re.compile(r"[A-Za-z0-9-]{8,64}")


def current_request_id():
    return _current.get()


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        given = request.headers.get("X-Request-ID", "")
        request_id = given if ACCEPTED.fullmatch(given) else uuid.uuid4().hex
        request.request_id = request_id
        token = _current.set(request_id)
        try:
            response = self.get_response(request)
        finally:
            _current.reset(token)
        response["X-Request-ID"] = request_id
        return response


class RequestIdFilter(logging.Filter):
    """Adds ``record.request_id`` ("-" outside a request: jobs, the worker)."""

    def filter(self, record):
        record.request_id = _current.get()
        return True

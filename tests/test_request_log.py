"""The request id (nexus_cms/request_log.py): nginx's X-Request-ID on every log line of a request.

The whole path (nginx sets the id, gunicorn and the app log it) is in tests/test_prod_stack.py;
this is the middleware's and the log filter's contract, fast.
"""

import logging
import re

import pytest
from django.test import override_settings
from django.urls import path

from nexus_cms.request_log import RequestIdFilter, current_request_id

logger = logging.getLogger("tests.request_log")


def logs_something(request):
    from django.http import HttpResponse

    logger.warning("a line of the request")
    return HttpResponse(current_request_id())


urlpatterns = [path("logs/", logs_something)]


class Records(logging.Handler):
    def __init__(self):
        super().__init__()
        self.lines = []
        self.addFilter(RequestIdFilter())
        self.setFormatter(logging.Formatter("%(request_id)s %(message)s"))

    def emit(self, record):
        self.lines.append(self.format(record))


@pytest.fixture
def records():
    handler = Records()
    logger.addHandler(handler)
    yield handler.lines
    logger.removeHandler(handler)


@override_settings(ROOT_URLCONF=__name__)
def test_the_proxys_id_is_on_the_response_and_on_the_requests_log_lines(client, records):
    response = client.get("/logs/", headers={"X-Request-ID": "0123456789abcdef0123456789abcdef"})
    assert response["X-Request-ID"] == "0123456789abcdef0123456789abcdef"
    assert response.content == b"0123456789abcdef0123456789abcdef"
    assert records == ["0123456789abcdef0123456789abcdef a line of the request"]


@override_settings(ROOT_URLCONF=__name__)
@pytest.mark.parametrize("given", ["", "kort", "mejl@example.org", "x" * 65, "id med mellanslag"])
def test_a_missing_or_odd_header_gets_a_new_random_id(client, records, given):
    response = client.get("/logs/", headers={"X-Request-ID": given})
    request_id = response["X-Request-ID"]
    assert re.fullmatch(r"[0-9a-f]{32}", request_id)
    assert request_id != given
    assert records == [f"{request_id} a line of the request"]


def test_outside_a_request_the_id_is_a_dash(records):
    logger.warning("a job's line")
    assert records == ["- a job's line"]

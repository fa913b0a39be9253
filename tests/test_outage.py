"""The server-error view: 503 with the static page for a database outage, 500 for anything else.

The outage itself (the database made unreachable under a running gunicorn behind nginx, and the
recovery without restart) is in tests/test_prod_stack.py; this is the view's contract, fast.
"""

from django.db import InterfaceError, OperationalError
from django.test import override_settings
from django.urls import path


def refused(request):
    raise OperationalError("connection to server at 127.0.0.1, port 5432 failed: Connection refused")


def gone(request):
    raise InterfaceError("connection already closed")


def broken(request):
    raise ValueError("a bug")


urlpatterns = [path("refused/", refused), path("gone/", gone), path("broken/", broken)]
handler500 = "nexus_cms.errors.server_error"


@override_settings(ROOT_URLCONF=__name__, DEBUG=False)
def test_an_unreachable_database_answers_503_with_the_static_page(client):
    client.raise_request_exception = False
    for url in ("/refused/", "/gone/"):
        response = client.get(url)
        assert response.status_code == 503
        assert response["Retry-After"] == "30"
        assert response["Cache-Control"] == "no-store"
        html = response.content.decode()
        assert '<html lang="sv" dir="ltr">' in html and "020-50 50 50" in html
        assert "Connection refused" not in html and "Traceback" not in html


@override_settings(ROOT_URLCONF=__name__, DEBUG=False)
def test_any_other_error_is_a_500_with_the_same_page(client):
    client.raise_request_exception = False
    response = client.get("/broken/")
    assert response.status_code == 500
    assert "Tekniskt fel" in response.content.decode()
    assert "Retry-After" not in response


def test_the_site_uses_this_view():
    from nexus_cms import urls

    assert urls.handler500 == "nexus_cms.errors.server_error"

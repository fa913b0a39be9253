import pytest
from django.conf import settings
from django.utils import translation

RTL = {"ar", "fa", "ckb"}
CODES = [code for code, _name in settings.LANGUAGES]


@pytest.mark.parametrize("code", CODES)
def test_every_language_activates(code):
    with translation.override(code):
        assert translation.get_language() == code
        assert translation.get_language_bidi() is (code in RTL)
        info = translation.get_language_info(code)
        assert info["name_local"]  # Somali and Tigrinya need our LANG_INFO entries
        # The quick-exit label is translated in every language but Swedish (the source).
        label = translation.gettext("Lämna sidan snabbt")
        assert (label == "Lämna sidan snabbt") is (code == "sv")


@pytest.mark.parametrize("code", CODES)
def test_home_page_renders_in_every_language(client, home, code):
    url = "/" if code == "sv" else f"/{code}/"
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    direction = "rtl" if code in RTL else "ltr"
    assert f'<html lang="{code}" dir="{direction}">' in html
    with translation.override(code):
        assert translation.gettext("Lämna sidan snabbt") in html


def test_unknown_language_prefix_is_a_404(client, home):
    assert client.get("/xx/").status_code == 404

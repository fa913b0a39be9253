import pytest

from home.models import HomePage
from training import demo
from training.models import Booking, TrainingPage

pytestmark = pytest.mark.django_db


def test_demo_is_idempotent_and_covers_the_cases(client):
    home = HomePage.objects.get(depth=2, locale__language_code="sv")
    demo.load_demo(home)
    counts = (TrainingPage.objects.count(), Booking.objects.count())
    demo.load_demo(home)
    assert (TrainingPage.objects.count(), Booking.objects.count()) == counts
    sv = TrainingPage.objects.filter(locale__language_code="sv")
    statuses = {page.status for page in sv}
    assert {"oppen", "fullbokad", "installd", "genomford"} <= statuses
    assert sv.filter(format="digitalt").exists()
    assert Booking.objects.filter(status="vantelista", name__startswith="Testdeltagare").exists()
    for code in ("en", "ar"):
        translated = TrainingPage.objects.live().get(locale__language_code=code)
        assert client.get(translated.url).status_code == 200
    assert client.get("/utbildningar/").status_code == 200

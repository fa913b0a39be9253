import pytest

from demo.loader import load_trainings
from training.models import Booking, TrainingPage

pytestmark = pytest.mark.django_db


def test_demo_is_idempotent_and_covers_the_cases(client, demo_people):
    load_trainings(*demo_people)
    counts = (TrainingPage.objects.count(), Booking.objects.count())
    load_trainings(*demo_people)
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

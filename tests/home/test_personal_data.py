"""One e-mail address: find, export and erase everything the site holds about it."""

import json
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import models
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from channels.models import NewsletterSubscriber
from home import personal_data
from press.models import PressReleaseDelivery, PressReleaseMailing, PressSubscriber, Spokesperson
from tests.factories import organisation
from tests.helpers.training import make_training
from training.models import Booking, TrainingRequest

pytestmark = pytest.mark.django_db

ADDRESS = "Person.Som.Fragar@example.org"
OTHER = "annan@example.org"


def email_models():
    return {
        model._meta.label_lower
        for model in apps.get_models()
        if any(isinstance(field, models.EmailField) for field in model._meta.concrete_fields)
    }


def test_every_model_with_an_email_field_is_registered_or_exempt_with_a_reason():
    registered = {model._meta.label_lower for model in personal_data.registered_models()}
    assert registered >= {
        "training.booking",
        "training.trainingrequest",
        "press.presssubscriber",
        "channels.newslettersubscriber",
    }
    for label in email_models():
        assert label in registered or personal_data.EXEMPT.get(label), label
    for model in personal_data.registered_models():
        names = {field.name for field in personal_data.email_fields(model)}
        assert set(model.PERSONAL_DATA_EMAIL_FIELDS) <= names, model
        assert set(model.PERSONAL_DATA_EMAIL_FIELDS) >= names, model
        assert model.PERSONAL_DATA_ERASURE in ("anonymise", "delete"), model


@pytest.fixture
def held():
    """The address in every registered model (in another case), next to another person's rows."""
    training = make_training(capacity=3)
    police = organisation("polismyndigheten")
    rows = {
        "booking": Booking.objects.create(
            training=training,
            status="bekraftad",
            name="Frida Frågare",
            email=ADDRESS.lower(),
            role="Kurator",
            needs="Hörselslinga",
            idempotency_key="a",
        ),
        "other_booking": Booking.objects.create(
            training=training, status="bekraftad", name="Annan Person", email=OTHER, idempotency_key="b"
        ),
        "request": TrainingRequest.objects.create(
            contact_name="Frida Frågare",
            contact_email=ADDRESS.upper(),
            contact_phone="070-000 00 00",
            group_size=12,
            needs="För hela skolan",
            idempotency_key="r",
        ),
        "other_request": TrainingRequest.objects.create(
            contact_name="Annan", contact_email=OTHER, group_size=3, idempotency_key="s"
        ),
        "subscriber": PressSubscriber.objects.create(email=ADDRESS, confirmed_at=timezone.now()),
        "other_subscriber": PressSubscriber.objects.create(email=OTHER, confirmed_at=timezone.now()),
        "reader": NewsletterSubscriber.objects.create(email=ADDRESS, language="en", confirmed_at=timezone.now()),
        "other_reader": NewsletterSubscriber.objects.create(email=OTHER, confirmed_at=timezone.now()),
        "spokesperson": Spokesperson.objects.create(
            organisation=police, name="Frida Frågare", title="Presschef", email=ADDRESS
        ),
    }
    # An older log entry that quoted the address (before labels were numbers).
    ModelLogEntry.objects.log_action(rows["subscriber"], "wagtail.create", title=ADDRESS)
    return rows


def test_find_and_export_cover_every_record_of_the_address(held):
    counts = personal_data.counts(personal_data.find(ADDRESS))
    assert counts == {
        "channels.newslettersubscriber": 1,
        "press.presssubscriber": 1,
        "press.spokesperson": 1,
        "training.booking": 1,
        "training.trainingrequest": 1,
    }
    exported = json.loads(personal_data.export(ADDRESS))
    text = json.dumps(exported, ensure_ascii=False)
    assert "Hörselslinga" in text and "070-000 00 00" in text and "Presschef" in text
    assert "Annan Person" not in text and OTHER not in text


def test_erase_removes_every_trace_and_keeps_counts(held, make_user):
    admin = make_user("dataskydd", superuser=True)
    training = held["booking"].training
    before = {model: model.objects.count() for model in (Booking, TrainingRequest)}
    seats_taken = training.bookings.filter(status="bekraftad").count()
    mailing = PressReleaseMailing.objects.create(translation_key=training.translation_key, release=None)
    PressReleaseDelivery.objects.create(mailing=mailing, subscriber=held["subscriber"])

    result = personal_data.erase(ADDRESS, user=admin)

    assert result["training.booking"] == 1 and result["press.presssubscriber"] == 1
    # No model holds a trace of the address any more: text fields and JSON (logs, revisions,
    # translation sources) of every installed model.
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, models.CharField | models.TextField):
                hits = model._default_manager.filter(**{f"{field.name}__icontains": ADDRESS})
            elif isinstance(field, models.JSONField):
                hits = model._default_manager.annotate(as_text=Cast(field.name, models.TextField())).filter(
                    as_text__icontains=ADDRESS
                )
            else:
                continue
            assert not hits.exists(), (model, field.name)
    booking = Booking.objects.get(pk=held["booking"].pk)
    assert (booking.name, booking.role, booking.needs, booking.anonymised_at is not None) == ("", "", "", True)
    request = TrainingRequest.objects.get(pk=held["request"].pk)
    assert (request.contact_name, request.contact_phone, request.group_size) == ("", "", 12)
    assert Spokesperson.objects.get(pk=held["spokesperson"].pk).name == "Frida Frågare"
    assert not PressSubscriber.objects.filter(pk=held["subscriber"].pk).exists()
    assert not NewsletterSubscriber.objects.filter(pk=held["reader"].pk).exists()
    assert NewsletterSubscriber.objects.filter(email=OTHER).exists()
    assert not PressReleaseDelivery.objects.exists()
    # Counts intact: bookings and requests stay as anonymous rows, seats stay taken.
    assert {model: model.objects.count() for model in (Booking, TrainingRequest)} == before
    assert training.bookings.filter(status="bekraftad").count() == seats_taken
    # Other people's data untouched.
    assert Booking.objects.get(pk=held["other_booking"].pk).email == OTHER
    assert TrainingRequest.objects.get(pk=held["other_request"].pk).contact_email == OTHER
    assert PressSubscriber.objects.filter(email=OTHER).exists()
    # The erasure is logged, by whom and how much, without the address.
    entry = ModelLogEntry.objects.get(action=personal_data.ERASE_ACTION)
    assert entry.user == admin and entry.data["counts"]["training.booking"] == 1
    assert "example.org" not in json.dumps(entry.data) + entry.label
    assert entry.data["digest"] == personal_data.address_digest(ADDRESS)


def test_command_finds_exports_and_erases_twice(held):
    out = StringIO()
    call_command("personal_data", "find", ADDRESS, stdout=out)
    assert "training.booking: 1" in out.getvalue()
    out = StringIO()
    call_command("personal_data", "export", ADDRESS, stdout=out)
    assert json.loads(out.getvalue())["records"]
    call_command("personal_data", "erase", ADDRESS, stdout=StringIO())
    assert personal_data.find(ADDRESS) == {}
    counts = (Booking.objects.count(), TrainingRequest.objects.count(), PressSubscriber.objects.count())
    out = StringIO()
    call_command("personal_data", "erase", ADDRESS, stdout=out)
    assert (Booking.objects.count(), TrainingRequest.objects.count(), PressSubscriber.objects.count()) == counts
    out = StringIO()
    call_command("personal_data", "find", ADDRESS, stdout=out)
    assert "Inget hittades" in out.getvalue()


def test_administrator_uses_the_admin_tool(client, held, make_user):
    client.force_login(make_user("dataskydd", superuser=True))
    url = reverse("personal_data")
    assert client.get(url).status_code == 200
    assert url in client.get(reverse("wagtailadmin_home")).content.decode()  # in the settings menu
    response = client.post(url, {"email": ADDRESS, "action": "find"})
    assert "bokningar" in response.content.decode().lower()
    response = client.post(url, {"email": ADDRESS, "action": "export"})
    assert response["Content-Disposition"].startswith("attachment")
    assert "Hörselslinga" in response.content.decode()
    # Erasing needs the confirmation box.
    client.post(url, {"email": ADDRESS, "action": "erase"})
    assert Booking.objects.filter(email__iexact=ADDRESS).exists()
    response = client.post(url, {"email": ADDRESS, "action": "erase", "confirm": "on"})
    assert response.status_code == 200
    assert personal_data.find(ADDRESS) == {}
    actions = set(ModelLogEntry.objects.values_list("action", flat=True))
    assert {personal_data.ERASE_ACTION, "nexus.personal_data.export"} <= actions

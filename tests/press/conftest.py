"""Press fixtures: releases built as editors build them, and the approval through the workflow."""

import pytest

from press.models import PressReleasePage, PressRoomPage, PressSubscriber, Spokesperson
from tests.factories import add_page, organisation, section_of


@pytest.fixture
def police(db):
    return organisation("polismyndigheten")


@pytest.fixture
def press_room(home):
    return PressRoomPage.objects.get(locale=home.locale)


@pytest.fixture
def make_release():
    def make(org, title, publish=True, language="sv", **fields):
        # Page.live defaults to True: a draft that was never published must say so.
        fields.setdefault("live", publish)
        return add_page(section_of(PressRoomPage, org, language), PressReleasePage, title, publish=publish, **fields)

    return make


@pytest.fixture
def make_spokesperson():
    def make(org, name, **fields):
        fields.setdefault("title", "Presschef")
        return Spokesperson.objects.create(organisation=org, name=name, **fields)

    return make


@pytest.fixture
def confirmed_subscriber(db):
    from django.utils import timezone

    def make(email):
        return PressSubscriber.objects.create(email=email, confirmed_at=timezone.now())

    return make

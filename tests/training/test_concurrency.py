"""Never overbooked: 30 simultaneous bookings for 5 seats on PostgreSQL."""

import threading
from datetime import timedelta

import pytest
from django.db import connection, connections
from django.utils import timezone

from tests.factories import add_page, organisation, section_of
from training import bookings
from training.models import Booking, TrainingIndexPage, TrainingPage, TrainingSession

pytestmark = [pytest.mark.postgres_only, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def postgres():
    if connection.vendor != "postgresql":
        pytest.skip("row locks (select_for_update) need PostgreSQL; SQLite serialises writers instead")


def test_thirty_parallel_bookings_for_five_seats(postgres, transactional_site):
    start = timezone.now() + timedelta(days=7)
    training = add_page(
        section_of(TrainingIndexPage, organisation("polismyndigheten")),
        TrainingPage,
        "Populär kurs",
        capacity=5,
        sessions=[TrainingSession(start=start, end=start + timedelta(hours=2))],
    )
    barrier = threading.Barrier(30)
    errors = []

    def book(number):
        try:
            barrier.wait()
            bookings.book(
                training,
                {
                    "name": f"Deltagare {number}",
                    "email": f"d{number}@example.org",
                    "organisation": None,
                    "other_organisation": "",
                    "role": "Kurator",
                    "needs": "",
                },
                nonce=f"nonce-{number}",
            )
        except Exception as error:
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=book, args=(number,)) for number in range(30)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert Booking.objects.count() == 30
    assert Booking.objects.filter(status="bekraftad").count() == 5
    assert Booking.objects.filter(status="vantelista").count() == 25

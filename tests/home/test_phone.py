"""One phone rule for every tel: link: the footer's help numbers and the press room's spokespeople."""

import pytest

from home.models import HelpNumber
from press.models import Spokesperson
from tests.factories import organisation

# (as an editor types it, the tel: target)
NUMBERS = [
    ("112", "112"),
    ("114 14", "11414"),
    ("1177", "1177"),
    ("116 111", "116111"),
    ("018-727 00 00", "+46187270000"),
    ("020-50 50 50", "+4620505050"),
    ("070-123 45 67", "+46701234567"),
    ("+46 18 727 00 00", "+46187270000"),
    ("0046 18 727 00 00", "+46187270000"),
    ("+358 9 123 4567", "+35891234567"),
]


def footer_link(client, number):
    HelpNumber.objects.create(service=HelpNumber.Service.NEXUS, number=number, show_in_footer=True)
    return client.get("/").content.decode()


def press_room_link(client, number):
    Spokesperson.objects.create(organisation=organisation("polismyndigheten"), name="Karin Polis", phone=number)
    return client.get("/press/").content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("door", [footer_link, press_room_link], ids=["footer", "press-room"])
@pytest.mark.parametrize(("number", "href"), NUMBERS)
def test_phone_numbers_link_by_the_same_swedish_rules(client, home, door, number, href):
    html = door(client, number)
    assert f'href="tel:{href}"><bdi>{number}</bdi></a>' in html

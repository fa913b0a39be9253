"""What the site holds about one e-mail address: find, export (JSON) and erase it.

A data subject may ask what is held about them and have it erased (GDPR art. 15 and 17). Each
model that stores addresses of people declares it, so this registry needs no import of the
content apps:

- ``PERSONAL_DATA_EMAIL_FIELDS``: the fields an address is looked up in;
- ``PERSONAL_DATA_ERASURE``: ``"anonymise"`` (blank ``PERSONAL_DATA_FIELDS`` through the model's
  ``anonymised_values()``; the row stays, so seats and statistics keep their counts) or
  ``"delete"`` (the row means nothing without the address, e.g. a subscription).

Models with an e-mail field that are deliberately not erased are in ``EXEMPT`` with the reason;
a test fails when a new e-mail field is in neither. Erasure is logged without the address.
"""

import json
import logging
import re

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _
from wagtail.models import ModelLogEntry, PageLogEntry

logger = logging.getLogger(__name__)

ERASE_ACTION = "nexus.personal_data.erase"
ERASED = "[raderad]"

EXEMPT = {
    "auth.user": "editors' accounts, managed by administrators under Users",
    "account.emailaddress": "editors' sign-in addresses, managed with the account",
    "training.trainingpage": "a published service contact address (a public record): edit the page",
    "press.pressroompage": "the press service's shared address (a public record): edit the page",
}


def email_fields(model):
    return [f for f in model._meta.concrete_fields if isinstance(f, models.EmailField)]


def registered_models():
    """Models that declare personal data held under an e-mail address, in a stable order."""
    return sorted(
        (m for m in apps.get_models() if getattr(m, "PERSONAL_DATA_EMAIL_FIELDS", None)),
        key=lambda m: m._meta.label_lower,
    )


def normalise(address):
    return (address or "").strip()


def _condition(model, address):
    condition = Q()
    for field in model.PERSONAL_DATA_EMAIL_FIELDS:
        condition |= Q(**{f"{field}__iexact": address})
    return condition


def find(address):
    """{model: queryset} of every row holding the address (empty querysets left out)."""
    address = normalise(address)
    if not address:
        return {}
    found = {}
    for model in registered_models():
        queryset = model._default_manager.filter(_condition(model, address)).order_by("pk")
        if queryset.exists():
            found[model] = queryset
    return found


def counts(found):
    return {model._meta.label_lower: queryset.count() for model, queryset in found.items()}


def _row(instance):
    row = {}
    for field in instance._meta.concrete_fields:
        if field.name == "idempotency_key":
            continue
        if field.is_relation:
            related = getattr(instance, field.name)
            row[field.name] = str(related) if related is not None else None
        else:
            row[field.name] = field.value_from_object(instance)
    return row


def export(address):
    """Everything held about the address as JSON text (the answer to a subject-access request)."""
    data = {
        "address": normalise(address),
        "records": {
            str(model._meta.verbose_name_plural): [_row(obj) for obj in queryset]
            for model, queryset in find(address).items()
        },
    }
    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)


def address_digest(address):
    """A keyed digest: a repeated request can be matched to the log, the address is not in it."""
    return salted_hmac("nexus.personal_data", normalise(address).lower()).hexdigest()[:16]


def _scrub_log_entries(address):
    """Labels or data of audit-log entries that quote the address (older entries did)."""
    pattern = re.compile(re.escape(address), re.IGNORECASE)
    scrubbed = 0
    for log_model in (ModelLogEntry, PageLogEntry):
        entries = log_model.objects.annotate(data_text=models.functions.Cast("data", models.TextField())).filter(
            Q(label__icontains=address) | Q(data_text__icontains=address)
        )
        for entry in entries:
            entry.label = pattern.sub(ERASED, entry.label)
            entry.data = json.loads(pattern.sub(ERASED, json.dumps(entry.data)))
            entry.save(update_fields=["label", "data"])
            scrubbed += 1
    return scrubbed


@transaction.atomic
def erase(address, user=None):
    """Erase every trace of the address; returns the counts per model. Logged without the address."""
    address = normalise(address)
    found = find(address)
    result = counts(found)
    for model, queryset in found.items():
        if model.PERSONAL_DATA_ERASURE == "delete":
            queryset.delete()
        else:
            queryset.update(**model.anonymised_values())
    result["log_entries"] = _scrub_log_entries(address) if address else 0
    User = get_user_model()
    ModelLogEntry.objects.create(
        content_type=ContentType.objects.get_for_model(User),
        # Logged against the acting administrator; "0" when run by manage.py (no user).
        object_id=str(user.pk) if user else "0",
        label=str(_("Radering av personuppgifter")),
        action=ERASE_ACTION,
        user=user,
        data={"digest": address_digest(address), "counts": result},
        timestamp=timezone.now(),
    )
    logger.info("Personal data erased (digest %s): %s", address_digest(address), result)
    return result

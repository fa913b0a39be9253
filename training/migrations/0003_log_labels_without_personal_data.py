"""Existing audit-log entries of bookings and requests carried the participant's or contact's name
as their label (shown in the site history); rewrite them as "Anmälan #N" / "Beställning #N"."""

from django.db import migrations

LABELS = {"booking": "Anmälan #{}", "trainingrequest": "Beställning #{}"}


def relabel(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ModelLogEntry = apps.get_model("wagtailcore", "ModelLogEntry")
    for content_type in ContentType.objects.filter(app_label="training", model__in=LABELS):
        label = LABELS[content_type.model]
        for entry in ModelLogEntry.objects.filter(content_type=content_type).only("pk", "object_id"):
            ModelLogEntry.objects.filter(pk=entry.pk).update(label=label.format(entry.object_id))


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("training", "0002_bookings_sessions_requests"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [migrations.RunPython(relabel, migrations.RunPython.noop)]

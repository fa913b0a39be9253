"""Existing audit-log entries of press subscribers carried the e-mail address as their label;
rewrite them as "Prenumerant #N"."""

from django.db import migrations


def relabel(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ModelLogEntry = apps.get_model("wagtailcore", "ModelLogEntry")
    for content_type in ContentType.objects.filter(app_label="press", model="presssubscriber"):
        for entry in ModelLogEntry.objects.filter(content_type=content_type).only("pk", "object_id"):
            ModelLogEntry.objects.filter(pk=entry.pk).update(label=f"Prenumerant #{entry.object_id}")


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("press", "0002_press_room_releases_spokespersons_subscriptions"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [migrations.RunPython(relabel, migrations.RunPython.noop)]

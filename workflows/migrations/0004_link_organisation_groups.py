"""Link each organisation to the groups that until now were found by display name."""

from django.db import migrations

# The names as they were derived before the link (frozen here: the model may change later).
SUFFIXES = {"communicators_group": " – kommunikatörer", "reviewers_group": " – granskare"}


def link_groups(apps, schema_editor):
    Organisation = apps.get_model("workflows", "Organisation")
    Group = apps.get_model("auth", "Group")
    for organisation in Organisation.objects.all():
        for field, suffix in SUFFIXES.items():
            group = Group.objects.filter(name=f"{organisation.name}{suffix}").first()
            if group is not None:
                setattr(organisation, field, group)
        organisation.save(update_fields=list(SUFFIXES))


class Migration(migrations.Migration):
    dependencies = [
        ("workflows", "0003_organisation_groups"),
    ]

    operations = [
        migrations.RunPython(link_groups, migrations.RunPython.noop),
    ]

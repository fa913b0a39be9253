"""The audit log knows what an administrator changed about a person's rights, and every export.

Wagtail logs "edited" for a user or a group; what matters in an audit is *which* groups someone
joined or left, who became an administrator or was deactivated, and which permissions a group
gained or lost. Each such change made in the admin is an entry of its own, by the administrator
who made it. The installation (``setup_site``) changes rights in code and logs nothing here.
Every CSV/XLSX export of a Wagtail report is logged too.
"""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.models import ModelLogEntry
from wagtail.test.utils.form_data import querydict_from_html

from home.installation import setup_site
from workflows.editorial import PROJECT_LEADERS_GROUP, TRANSLATORS_GROUP

FORM = "w-editor-form"


@pytest.fixture
def administrator(make_user):
    return make_user("administrator", superuser=True)


def entries(instance, action):
    return ModelLogEntry.objects.filter(
        content_type__model=instance._meta.model_name, object_id=str(instance.pk), action=action
    )


def form_of(client, url):
    data = querydict_from_html(client.get(url).content.decode(), form_id=FORM)
    data._mutable = True
    return data


def edit_user(client, user, **changes):
    url = reverse("wagtailusers_users:edit", args=(user.pk,))
    data = form_of(client, url)
    # Wagtail's user form requires names (the test users have none); a checked box without a
    # value attribute is posted by browsers as "on" (the form parser gives "").
    data["first_name"], data["last_name"] = "Petra", "Projektledare"
    for box in ("is_active", "is_superuser"):
        if data.get(box) == "":
            data[box] = "on"
    for key, value in changes.items():
        if isinstance(value, list):
            data.setlist(key, value)
        elif value is None:
            data.pop(key, None)
        else:
            data[key] = value
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    return response


def group_id(name):
    return str(Group.objects.get(name=name).pk)


def net_change(instance, action, since_pk):
    """What the entries after ``since_pk`` say was added and removed, in all."""
    added, removed = set(), set()
    for entry in entries(instance, action).filter(pk__gt=since_pk).order_by("pk"):
        added = (added - set(entry.data["removed"])) | set(entry.data["added"])
        removed = (removed - set(entry.data["added"])) | set(entry.data["removed"])
    return added, removed


def last_entry_pk():
    last = ModelLogEntry.objects.order_by("-pk").first()
    return last.pk if last else 0


def group_names(user):
    return set(user.groups.values_list("name", flat=True))


def test_joining_and_leaving_groups_in_the_admin_is_logged(client, administrator, project_leader):
    client.force_login(administrator)
    for wanted, joins in (([PROJECT_LEADERS_GROUP, TRANSLATORS_GROUP], True), ([PROJECT_LEADERS_GROUP], False)):
        before, since = group_names(project_leader), last_entry_pk()
        edit_user(client, project_leader, groups=[group_id(name) for name in wanted])
        after = group_names(project_leader)
        assert TRANSLATORS_GROUP in ((after - before) if joins else (before - after))
        # The log says exactly which groups were joined and left, and by whom.
        assert net_change(project_leader, "nexus.groups_changed", since) == (after - before, before - after)
        new = entries(project_leader, "nexus.groups_changed").filter(pk__gt=since)
        assert set(new.values_list("user_id", flat=True)) == {administrator.pk}
    # Shown to administrators in the site history, in words.
    html = client.get(reverse("wagtailadmin_reports:site_history")).content.decode()
    assert "Gruppmedlemskap ändrat" in html


def test_making_someone_an_administrator_or_deactivating_them_is_logged(client, administrator, project_leader):
    client.force_login(administrator)
    edit_user(client, project_leader, is_superuser="on")
    [promoted] = entries(project_leader, "nexus.account_changed")
    assert promoted.user_id == administrator.pk
    assert promoted.data == {"is_superuser": True}

    edit_user(client, project_leader, is_active=None, is_superuser=None)
    latest = entries(project_leader, "nexus.account_changed").order_by("-pk").first()
    assert latest.data == {"is_active": False, "is_superuser": False}


def test_a_name_change_logs_no_rights_change(client, administrator, project_leader):
    client.force_login(administrator)
    edit_user(client, project_leader, email="petra@example.org")
    assert not entries(project_leader, "nexus.account_changed").exists()
    assert not entries(project_leader, "nexus.groups_changed").exists()
    assert entries(project_leader, "wagtail.edit").exists()


def permission_names(group):
    return {
        f"{app_label}.{codename}"
        for app_label, codename in group.permissions.values_list("content_type__app_label", "codename")
    }


def test_a_groups_permission_changes_in_the_admin_are_logged(client, administrator):
    group = Group.objects.get(name=TRANSLATORS_GROUP)
    client.force_login(administrator)
    url = reverse("wagtailusers_groups:edit", args=(group.pk,))
    data = form_of(client, url)
    added = Permission.objects.get(content_type__app_label="home", codename="change_helpnumber")
    data.setlist("permissions", [*data.getlist("permissions"), str(added.pk)])
    before, since = permission_names(group), last_entry_pk()
    response = client.post(url, data)
    assert response.status_code == 302
    after = permission_names(group)
    assert "home.change_helpnumber" in after - before
    assert net_change(group, "nexus.permissions_changed", since) == (after - before, before - after)
    new = entries(group, "nexus.permissions_changed").filter(pk__gt=since)
    assert set(new.values_list("user_id", flat=True)) == {administrator.pk}


def test_the_installation_logs_no_rights_changes(db):
    before = ModelLogEntry.objects.count()
    setup_site()
    assert (
        ModelLogEntry.objects.filter(
            action__in=["nexus.groups_changed", "nexus.account_changed", "nexus.permissions_changed"]
        ).count()
        == 0
    )
    assert ModelLogEntry.objects.count() == before


REPORTS = ["site_history", "locked_pages", "workflow", "workflow_tasks", "aging_pages", "page_types_usage"]


@pytest.mark.parametrize("spreadsheet_format", ["csv", "xlsx"])
@pytest.mark.parametrize("report", REPORTS)
def test_every_report_export_is_logged(client, administrator, report, spreadsheet_format):
    client.force_login(administrator)
    url = reverse(f"wagtailadmin_reports:{report}")
    response = client.get(url, {"export": spreadsheet_format})
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    [entry] = ModelLogEntry.objects.filter(action="nexus.export")
    assert entry.user_id == administrator.pk
    assert entry.data == {"listing": url, "format": spreadsheet_format}

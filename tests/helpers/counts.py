"""Row counts of everything the installation and the demo create: equal counts = idempotent."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    PageLogEntry,
    Revision,
    Site,
    Task,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from home.models import HelpNumber
from workflows.models import Organisation


def counts():
    return {
        "users": get_user_model().objects.count(),
        "groups": Group.objects.count(),
        "group_permissions": Permission.group_set.through.objects.count(),
        "page_permissions": GroupPagePermission.objects.count(),
        "collection_permissions": GroupCollectionPermission.objects.count(),
        "pages": Page.objects.count(),
        "live_pages": Page.objects.live().count(),
        "revisions": Revision.objects.count(),
        "log_entries": PageLogEntry.objects.count(),
        "collections": Collection.objects.count(),
        "workflows": Workflow.objects.count(),
        "workflow_pages": WorkflowPage.objects.count(),
        "tasks": Task.objects.count(),
        "workflow_tasks": WorkflowTask.objects.count(),
        "organisations": Organisation.objects.count(),
        "locales": Locale.objects.count(),
        "help_numbers": HelpNumber.objects.count(),
        "sites": Site.objects.count(),
    }

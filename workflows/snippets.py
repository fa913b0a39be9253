"""Snippets that readers see (help numbers, spokespersons, …) under the one publishing rule.

A ``PublicSnippet`` keeps a draft, revisions, a lock and a workflow, like a page: an edit of a
live row is stored as a revision and the row (what the public site reads) changes only when a
revision is published, i.e. when Projektledning approves it. Public queries use
``objects.live()``. The admin side (no direct publish, no unpublish or deletion of live rows
except by administrators) is ``workflows.snippet_admin``.
"""

from django.apps import apps
from django.db import models
from wagtail.models import DraftStateMixin, LockableMixin, RevisionMixin, WorkflowMixin


class PublicSnippetQuerySet(models.QuerySet):
    def live(self):
        """The published rows: a live row holds its published version, never a later draft."""
        return self.filter(live=True)


class PublicSnippet(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, models.Model):
    """Abstract base of every snippet shown on the public site."""

    objects = PublicSnippetQuerySet.as_manager()

    class Meta:
        abstract = True


def public_snippet_models():
    """Every concrete ``PublicSnippet`` model of the project (the apps above register them)."""
    return [model for model in apps.get_models() if issubclass(model, PublicSnippet)]


def publish_initial(instance):
    """Give a row created in code (installation, demo) its first, published revision."""
    if instance.live_revision_id is None:
        instance.save_revision().publish(log_action=False)
    return instance


def first_revisions(app_label, model_name, title_field):
    """A data migration step: rows from before the approval rule stay live, each with a first,
    published revision (so history, comparison and the first approval have a base)."""

    def forwards(apps, schema_editor):
        from django.utils import timezone
        from modelcluster.models import get_serializable_data_for_fields

        model = apps.get_model(app_label, model_name)
        revision_model = apps.get_model("wagtailcore", "Revision")
        content_type, _created = apps.get_model("contenttypes", "ContentType").objects.get_or_create(
            app_label=app_label, model=model_name
        )
        now = timezone.now()
        for row in model.objects.filter(latest_revision__isnull=True):
            revision = revision_model.objects.create(
                content_type=content_type,
                base_content_type=content_type,
                object_id=str(row.pk),
                created_at=now,
                object_str=str(getattr(row, title_field)),
                content=get_serializable_data_for_fields(row),
            )
            model.objects.filter(pk=row.pk).update(
                live=True,
                latest_revision=revision,
                live_revision=revision,
                first_published_at=now,
                last_published_at=now,
            )

    return forwards

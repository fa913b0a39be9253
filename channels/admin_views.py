"""Rapporter → Webbplatshistorik without other organisations' campaigns.

Wagtail's site history lists the log entries of every model on which a user holds any right, so a
communicator (who may add and change campaigns) would read the titles of every organisation's
campaigns there, drafts included. This view is Wagtail's own with one more filter: campaign
entries only for the campaigns the user may edit (``channels.campaigns.editable_campaigns``).
nexus_cms/urls.py mounts it at the report's own addresses, before Wagtail's admin URLs.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Q
from django.db.models.functions import Cast
from wagtail.admin.views.reports.audit_logging import LogEntriesView
from wagtail.models import ModelLogEntry

from .campaigns import editable_campaigns
from .models import Campaign


class SiteHistoryView(LogEntriesView):
    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        if queryset.model is not ModelLogEntry or self.request.user.is_superuser:
            return queryset
        own = editable_campaigns(self.request.user).annotate(key=Cast("pk", CharField())).values("key")
        campaigns = ContentType.objects.get_for_model(Campaign, for_concrete_model=False)
        return queryset.exclude(Q(content_type=campaigns) & ~Q(object_id__in=own))

"""The home app's admin tools.

The administrators' personal-data tool (Inställningar → Personuppgifter): one e-mail address's
records found, exported as JSON or erased. Superusers only; the address travels in POST bodies,
never in URLs (access logs).

The records export (Rapporter → Allmänna handlingar): one page's public records as JSON, for
Projektledning and administrators.

The editors' guide (Hjälp → Redaktörshandledning): how to write, submit, translate and use images,
for everyone signed in to the admin.
"""

from django import forms
from django.contrib.auth.decorators import user_passes_test
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from wagtail.models import ModelLogEntry, Page

from workflows.editorial import is_project_leader

from . import personal_data, records

EXPORT_ACTION = "nexus.personal_data.export"


class PersonalDataForm(forms.Form):
    email = forms.EmailField(label=_("E-postadress"), max_length=254)
    confirm = forms.BooleanField(
        label=_("Jag vill radera allt som hör till adressen. Det går inte att ångra."), required=False
    )


def superuser_required(view):
    def check(user):
        if user.is_active and user.is_superuser:
            return True
        raise PermissionDenied

    return user_passes_test(check)(view)


@never_cache
@superuser_required
def personal_data_view(request):
    form = PersonalDataForm(request.POST or None)
    context = {"form": form}
    if request.method == "POST" and form.is_valid():
        address = form.cleaned_data["email"]
        action = request.POST.get("action", "find")
        if action == "export":
            ModelLogEntry.objects.create(
                content_type=ContentType.objects.get_for_model(request.user),
                object_id=str(request.user.pk),
                label=str(_("Export av personuppgifter")),
                action=EXPORT_ACTION,
                user=request.user,
                data={"digest": personal_data.address_digest(address)},
                timestamp=timezone.now(),
            )
            response = HttpResponse(personal_data.export(address), content_type="application/json; charset=utf-8")
            filename = f"personuppgifter-{personal_data.address_digest(address)}.json"
            response["Content-Disposition"] = f'attachment; filename="{filename}"'
            return response
        if action == "erase":
            if not form.cleaned_data["confirm"]:
                form.add_error("confirm", _("Kryssa i rutan för att bekräfta raderingen."))
            else:
                context["erased"] = personal_data.erase(address, user=request.user)
                context["erased_total"] = sum(n for key, n in context["erased"].items() if key != "log_entries")
        if "erased" not in context:
            context["found"] = [
                (model._meta.verbose_name_plural, queryset.count())
                for model, queryset in personal_data.find(address).items()
            ]
    return render(request, "home/admin/personal_data.html", context)


class RecordsExportForm(forms.Form):
    page = forms.IntegerField(label=_("Sidans id"), min_value=1, help_text=_("Syns i adressen när sidan redigeras."))
    date_from = forms.DateField(label=_("Granskningslogg från"), help_text=_("ÅÅÅÅ-MM-DD"))
    date_to = forms.DateField(label=_("Granskningslogg till"), help_text=_("ÅÅÅÅ-MM-DD"))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("date_from") and cleaned.get("date_to") and cleaned["date_from"] > cleaned["date_to"]:
            self.add_error("date_to", _("Slutdatumet ligger före startdatumet."))
        return cleaned


def project_leader_required(view):
    def check(user):
        if is_project_leader(user):
            return True
        raise PermissionDenied

    return user_passes_test(check)(view)


@never_cache
@project_leader_required
def records_export_view(request):
    """Rapporter → Allmänna handlingar: one page's revisions, workflow history and audit log as JSON."""
    initial = {"date_to": timezone.localdate()}
    page = None
    if request.GET.get("page", "").isdigit():
        page = Page.objects.filter(pk=int(request.GET["page"])).first()
        if page is not None:
            first = page.revisions.order_by("created_at").values_list("created_at", flat=True).first()
            initial["date_from"] = timezone.localdate(first) if first else timezone.localdate()
    form = RecordsExportForm(
        request.GET if "date_from" in request.GET else None, initial={"page": page and page.pk, **initial}
    )
    if form.is_valid():
        page = Page.objects.filter(pk=form.cleaned_data["page"]).first()
        if page is None or page.is_root():
            form.add_error("page", _("Det finns ingen sida med det id:t."))
        else:
            date_from, date_to = form.cleaned_data["date_from"], form.cleaned_data["date_to"]
            body = records.export_json(page, date_from, date_to)
            records.log_export(page, request.user, date_from, date_to)
            response = HttpResponse(body, content_type="application/json; charset=utf-8")
            filename = f"allman-handling-sida-{page.pk}-{date_from.isoformat()}-{date_to.isoformat()}.json"
            response["Content-Disposition"] = f'attachment; filename="{filename}"'
            return response
    return render(request, "home/admin/records_export.html", {"form": form, "page": page})


def editors_guide_view(request):
    """The editors' guide (Hjälp → Redaktörshandledning): text only, for everyone signed in to the admin."""
    return render(request, "home/admin/editors_guide.html")

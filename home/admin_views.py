"""The administrators' personal-data tool (Inställningar → Personuppgifter): one e-mail address's
records found, exported as JSON or erased. Superusers only; the address travels in POST bodies,
never in URLs (access logs)."""

from django import forms
from django.contrib.auth.decorators import user_passes_test
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from wagtail.models import ModelLogEntry

from . import personal_data

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

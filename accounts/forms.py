"""The admin sign-in form with its second factor, and the forms of the account pages."""

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.signals import user_login_failed
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm

from . import devices
from .lifecycle import colleagues_of


class SecondFactorLoginForm(LoginForm):
    """Wagtail's sign-in form plus a one-time code: a user with a second factor needs both.

    The password is checked first (django-axes counts and refuses there); a wrong code is
    reported as a failed sign-in too, so guessing codes runs into the same lockout.
    """

    otp_token = forms.CharField(
        label=_("Engångskod"),
        help_text=_("Den sexsiffriga koden i din autentiseringsapp, eller en av dina reservkoder."),
        required=False,
        max_length=32,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    error_messages = {
        **LoginForm.error_messages,
        "otp_invalid": _("Engångskoden stämmer inte eller har redan använts."),
    }

    def clean(self):
        cleaned = super().clean()
        user = self.get_user()
        if user is not None and devices.has_second_factor(user):
            device = devices.verify(user, cleaned.get("otp_token", ""))
            if device is None:
                user_login_failed.send(
                    sender=__name__, credentials={"username": cleaned.get("username")}, request=self.request
                )
                self.user_cache = None
                raise forms.ValidationError(self.error_messages["otp_invalid"], code="otp_invalid")
            # django-otp marks the session verified by this device when Django logs the user in.
            user.otp_device = device
        return cleaned


class ConfirmCodeForm(forms.Form):
    otp_token = forms.CharField(
        label=_("Kod från appen"),
        max_length=16,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": ""}),
    )


class InviteForm(forms.Form):
    first_name = forms.CharField(label=_("Förnamn"), max_length=150)
    last_name = forms.CharField(label=_("Efternamn"), max_length=150)
    email = forms.EmailField(label=_("E-postadress"), help_text=_("Blir också användarnamnet."))
    group = forms.ModelChoiceField(
        label=_("Roll"),
        queryset=None,
        help_text=_("Kommunikatörer och granskare arbetar bara med sin egen organisations innehåll."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Superusers are made by hand, never by invitation; groups carry no user-management rights.
        self.fields["group"].queryset = Group.objects.order_by("name")

    def clean_email(self):
        email = self.cleaned_data["email"].lower()
        User = get_user_model()
        if User.objects.filter(username__iexact=email).exists() or User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(_("Det finns redan ett konto med den adressen."))
        return email


class DeactivateForm(forms.Form):
    colleague = forms.ModelChoiceField(
        label=_("Lämna över utkasten till"),
        queryset=None,
        help_text=_("En aktiv kollega i samma organisation."),
    )

    def __init__(self, account, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["colleague"].queryset = colleagues_of(account).order_by("username")

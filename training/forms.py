"""Public forms: booking a training and ordering a training for a workplace.

No CSRF cookie is involved (anonymous visitors get no cookie at all); each form instead carries a
signed, time-limited token and a honeypot field (``home.form_tokens``).
"""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from home.form_tokens import SignedTokenForm
from home.validators import deliverable_email
from workflows.models import Organisation

from . import tokens

OTHER_ORGANISATION = "annan"
# Control characters (CR, LF, NUL, …) have no place in a name and would be header injection
# material if a value ever reached an e-mail header.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]")


def single_line(value):
    if CONTROL_CHARACTERS.search(value or ""):
        raise ValidationError(_("Texten får inte innehålla radbrytningar eller styrtecken."))
    return value


def organisation_choices():
    return [
        ("", _("Välj organisation")),
        *[(org.slug, org.name) for org in Organisation.objects.all()],
        (OTHER_ORGANISATION, _("Annan organisation")),
    ]


class TokenFormMixin(SignedTokenForm):
    """The site's form token and honeypot, plus the training forms' accessible errors."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._describe_fields()

    def _describe_fields(self):
        """Tie help texts and errors to their inputs for screen readers (WCAG 1.3.1, 3.3.1)."""
        errors = self._errors or {}
        for name, field in self.fields.items():
            bound = self[name]
            ids = []
            if field.help_text:
                ids.append(f"{bound.auto_id}_help")
            if name in errors:
                ids.append(f"{bound.auto_id}_error")
                field.widget.attrs["aria-invalid"] = "true"
            if ids:
                field.widget.attrs["aria-describedby"] = " ".join(ids)

    def _post_clean(self):
        super()._post_clean()
        self._describe_fields()

    def clean_organisation(self):
        value = self.cleaned_data.get("organisation")
        if value == OTHER_ORGANISATION:
            return None
        organisation = Organisation.objects.filter(slug=value).first()
        if organisation is None:
            raise ValidationError(_("Välj en organisation i listan."))
        return organisation


class BookingForm(TokenFormMixin):
    token_salt = tokens.BOOKING_FORM_SALT

    name = forms.CharField(label=_("Namn"), max_length=120, validators=[single_line])
    email = forms.EmailField(label=_("E-post"), max_length=254, validators=[single_line, deliverable_email])
    organisation = forms.ChoiceField(label=_("Organisation"))
    other_organisation = forms.CharField(
        label=_("Annan organisation"),
        required=False,
        max_length=120,
        validators=[single_line],
        help_text=_("Fyll i om du valde ”Annan organisation”."),
    )
    role = forms.CharField(
        label=_("Yrkesroll"), max_length=120, validators=[single_line], help_text=_("T.ex. skolkurator.")
    )
    needs = forms.CharField(
        label=_("Behov (frivilligt)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "T.ex. tolk, hörselslinga eller kost. Skriv inga känsliga uppgifter. Uppgiften raderas efter utbildningen."
        ),
    )
    consent = forms.BooleanField(
        label=_("Jag har läst hur Nexus behandlar mina personuppgifter och godkänner det."),
        error_messages={"required": _("Du behöver godkänna behandlingen av personuppgifter för att anmäla dig.")},
    )

    field_order = ["name", "email", "organisation", "other_organisation", "role", "needs", "consent", "webbplats"]

    def __init__(self, *args, training, **kwargs):
        super().__init__(*args, token_subject=training.pk, **kwargs)
        self.fields["organisation"].choices = organisation_choices()


class TrainingRequestForm(TokenFormMixin):
    token_salt = tokens.REQUEST_FORM_SALT

    organisation = forms.ChoiceField(label=_("Organisation"))
    other_organisation = forms.CharField(
        label=_("Annan organisation"), required=False, max_length=120, validators=[single_line]
    )
    contact_name = forms.CharField(label=_("Kontaktperson"), max_length=120, validators=[single_line])
    contact_email = forms.EmailField(label=_("E-post"), max_length=254, validators=[single_line, deliverable_email])
    contact_phone = forms.RegexField(
        label=_("Telefon (frivilligt)"),
        required=False,
        max_length=40,
        regex=r"^[0-9+()\- ]*$",
        error_messages={"invalid": _("Ange ett telefonnummer med siffror.")},
    )
    group_size = forms.IntegerField(
        label=_("Antal deltagare"), min_value=1, max_value=500, help_text=_("Ungefär hur många som ska delta.")
    )
    preferred_dates = forms.CharField(
        label=_("Önskade datum"),
        required=False,
        max_length=500,
        validators=[single_line],
        help_text=_("T.ex. ”en förmiddag i mars” eller konkreta datum."),
    )
    needs = forms.CharField(
        label=_("Önskemål och behov"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Vad vill ni veta mer om? Skriv inga uppgifter om enskilda personer."),
    )

    field_order = [
        "organisation",
        "other_organisation",
        "contact_name",
        "contact_email",
        "contact_phone",
        "group_size",
        "preferred_dates",
        "needs",
        "webbplats",
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, token_subject="request", **kwargs)  # noqa: S106 (a token subject, not a secret)
        self.fields["organisation"].choices = organisation_choices()

"""Signed form tokens: the one scheme of every public form (booking, training request, press).

Anonymous visitors get no cookie, so there is no CSRF cookie to check; each form instead carries
a token that is signed with a salt of its own form, names what it was issued for (a training,
"request", "subscribe"), expires after ``settings.FORM_TOKEN_MAX_AGE`` seconds and holds a random
nonce. The nonce tells a repeated submission of the same rendered form (a double click, a
browser retry) from a new one, see ``idempotency_key``.
"""

import hashlib
import secrets

from django import forms
from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

HONEYPOT_FIELD = "webbplats"


def make(salt, subject=""):
    return signing.dumps({"s": str(subject), "n": secrets.token_urlsafe(16)}, salt=salt)


def read(salt, subject, token):
    """The token's nonce if it is genuine, fresh and made for ``subject`` by that form; else None."""
    try:
        data = signing.loads(token or "", salt=salt, max_age=settings.FORM_TOKEN_MAX_AGE)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    if not isinstance(data, dict) or data.get("s") != str(subject) or not isinstance(data.get("n"), str):
        return None
    return data["n"]


def idempotency_key(nonce, *parts):
    """One submission of one rendered form by one person (the same cached page can reach many)."""
    material = "\x1f".join([nonce, *(str(part).strip().lower() for part in parts)])
    return hashlib.sha256(material.encode()).hexdigest()


def token_key(nonce):
    """The used-token record of one rendered form (unique where a form may act only once)."""
    return hashlib.sha256(f"form-token\x1f{nonce}".encode()).hexdigest()


class SignedTokenForm(forms.Form):
    """A public form with a signed form token (instead of a CSRF cookie) and a honeypot field.

    Subclasses set ``token_salt``; the subject is given per instance (``token_subject=``).
    After validation ``nonce`` holds the token's nonce.
    """

    token_salt = ""
    token_error = _("Formuläret är för gammalt eller ogiltigt. Ladda om sidan och försök igen.")

    token = forms.CharField(widget=forms.HiddenInput, max_length=400)
    # Hidden from people by CSS and aria-hidden; bots fill in every field.
    webbplats = forms.CharField(
        required=False,
        max_length=200,
        label=_("Lämna detta fält tomt"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, token_subject="", **kwargs):
        if not self.token_salt:
            raise TypeError(f"{type(self).__name__} needs a token_salt of its own")
        self.token_subject = str(token_subject)
        self.nonce = None
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["token"] = self.new_token(self.token_subject)

    @classmethod
    def new_token(cls, subject=""):
        return make(cls.token_salt, subject)

    def clean_token(self):
        nonce = read(self.token_salt, self.token_subject, self.cleaned_data.get("token", ""))
        if nonce is None:
            raise ValidationError(self.token_error, code="token")
        self.nonce = nonce
        return self.cleaned_data["token"]

    def clean_webbplats(self):
        if self.cleaned_data.get(HONEYPOT_FIELD):
            raise ValidationError(_("Formuläret kunde inte skickas."), code="honeypot")
        return ""

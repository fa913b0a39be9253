"""The journalists' subscribe form: the site's signed form token, a honeypot and the address."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from home.form_tokens import SignedTokenForm
from home.validators import INVALID_EMAIL, deliverable_email

SUBSCRIBE_FORM_SALT = "nexus.press.subscribe-form"
# One subscribe form for the whole site: the token names no page.
SUBSCRIBE_SUBJECT = "subscribe"


def form_token():
    """A fresh token for the subscribe form (rendered by the press_form_token tag)."""
    return SubscribeForm.new_token(SUBSCRIBE_SUBJECT)


class SubscribeForm(SignedTokenForm):
    token_salt = SUBSCRIBE_FORM_SALT

    email = forms.EmailField(
        label=_("Din e-postadress"),
        max_length=254,
        error_messages={
            "required": INVALID_EMAIL,
            "invalid": INVALID_EMAIL,
        },
    )
    # The language of the page the form was on: confirmation mail and answers speak it.
    language = forms.CharField(required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, token_subject=SUBSCRIBE_SUBJECT, **kwargs)
        self.is_bot = False

    def clean_webbplats(self):
        # A bot is answered as if it worked and learns nothing, so no error here.
        self.is_bot = bool(self.cleaned_data.get("webbplats"))
        return ""

    def clean_email(self):
        # Checked after lower-casing: some characters grow ("İ" becomes two), past the column's 254.
        email = self.cleaned_data["email"].strip().lower()
        deliverable_email(email)
        return email

    def clean_language(self):
        code = self.cleaned_data.get("language") or ""
        return code if code in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE

    @property
    def token_expired(self):
        return "token" in self.errors

    @property
    def chosen_language(self):
        """Valid after is_valid(), whatever else failed: clean_language never refuses."""
        return self.cleaned_data.get("language", settings.LANGUAGE_CODE)

"""Mail backends that fail the way a broken SMTP server does."""

import smtplib

from django.core.mail.backends.base import BaseEmailBackend


class RaisingBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise smtplib.SMTPException("550 the mail server refuses everything")


class UnreachableBackend(BaseEmailBackend):
    def open(self):
        raise ConnectionRefusedError("connection refused")

    def send_messages(self, email_messages):
        self.open()

"""The signal sent when the editorial set-up has run.

It lives apart from ``editorial`` and ``signals`` so the set-up code can send it and the
receivers in other apps can connect to it without either module importing the other.
"""

from django.dispatch import Signal

# Sent at the end of every setup_editorial() run with ``leaders`` and ``translators`` (the two
# central groups). Apps connect to it to grant their own model permissions (snippets, bookings)
# from their own modules, idempotently.
editorial_setup = Signal()

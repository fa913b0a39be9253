#!/usr/bin/env python
import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nexus_cms.settings.dev")
    from django.core.management import execute_from_command_line
    from django.db import InterfaceError, OperationalError

    try:
        execute_from_command_line(sys.argv)
    except (OperationalError, InterfaceError) as error:
        from django.conf import settings

        if settings.DEBUG:
            raise
        # A scheduled job during a database outage: one line in the journal, no traceback (whose
        # frames could show what the job was handling), a non-zero exit; the next run starts over.
        command = sys.argv[1] if len(sys.argv) > 1 else "manage.py"
        print(  # noqa: T201
            f"{command}: the database does not answer ({type(error).__name__}); the job stopped, the next run tries again.",
            file=sys.stderr,
        )
        sys.exit(75)  # EX_TEMPFAIL

"""django-tasks-db's ``db_worker``, made to outlive a database outage.

The package's worker ends with a traceback on the first database error that is not a lock, so
every night the database restarts, the task worker would die (systemd's ``Restart=always``
brings it back, with a traceback in the journal for every attempt). This one keeps the same
process and the same options: on a lost or refused connection it logs one line (the kind of
error only: connection errors name hosts, never what was being done), closes the connection
and tries again after a pause that grows to at most half a minute; when the database answers again
it picks up the tasks that waited in the table. Any other error still ends the worker.
"""

import contextlib
import logging
import time

from django.db import DatabaseError, InterfaceError, OperationalError, close_old_connections, connections
from django_tasks_db.management.commands import db_worker

logger = logging.getLogger("nexus.worker")

# Seconds between attempts while the database does not answer: doubling up to the maximum.
FIRST_PAUSE = 2
LONGEST_PAUSE = 30


class OutageTolerantWorker(db_worker.Worker):
    def run(self):
        pause = FIRST_PAUSE
        while self.running:
            try:
                return super().run()
            except (OperationalError, InterfaceError) as error:
                if not self.running:
                    return None
                logger.warning(
                    "db_worker: the database does not answer (%s); trying again in %s s", type(error).__name__, pause
                )
                for connection in connections.all(initialized_only=True):
                    with contextlib.suppress(DatabaseError):
                        connection.close()
                time.sleep(pause)
                pause = min(pause * 2, LONGEST_PAUSE)
                close_old_connections()
        return None


class Command(db_worker.Command):
    help = "Run the database task worker; survives a database outage (the project's version of db_worker)."

    def handle(self, *args, **options):
        # The package's command builds its Worker from the module's name at call time.
        original = db_worker.Worker
        db_worker.Worker = OutageTolerantWorker
        try:
            return super().handle(*args, **options)
        finally:
            db_worker.Worker = original

"""How ``manage.py backup``/``restore`` read and write an SQLite database (django-dbbackup connector).

django-dbbackup's own SQLite connector restores by truncating the database file and writing the
backup over it. Any process that has the file open at that moment (a gunicorn worker answering a
request, the task worker) can read a half-written file, and a journal left by the old database
can be replayed onto the new one. This connector restores through SQLite's online backup API
instead: it takes the database's write lock, replaces every page in one step, and other
connections see either the old database or the restored one, never a mix.
"""

import shutil
import sqlite3
import tempfile
from pathlib import Path

from dbbackup.db.sqlite import SqliteBackupConnector


class SqliteOnlineConnector(SqliteBackupConnector):
    """Backups through the SQLite backup API (as django-dbbackup does); restores the same way."""

    def restore_dump(self, dump):
        target_path = Path(self.connection.settings_dict["NAME"])
        self.connection.close()
        with tempfile.NamedTemporaryFile(suffix=".sqlite3", dir=target_path.parent) as copy:
            shutil.copyfileobj(dump, copy)
            copy.flush()
            source = sqlite3.connect(copy.name)
            target = sqlite3.connect(target_path, timeout=60)
            try:
                source.backup(target)
            finally:
                target.close()
                source.close()

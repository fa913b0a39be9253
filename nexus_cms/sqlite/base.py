"""Django's SQLite backend, with a health check for connections kept between requests.

Production keeps database connections open between requests (``CONN_MAX_AGE``): a new SQLite
connection reads the whole schema again on its first statement, which costs a cached page far
more than the page itself. Django's SQLite backend calls every connection usable, so a worker
would keep reading a file that was moved away or replaced. Here a kept connection is usable only
while its path still names the file it opened (same device and inode): a database moved away
answers like an unreachable server (``OperationalError``, the site's 503) and a file put back is
opened again, without a restart. ``manage.py restore`` writes through SQLite's backup API into the
same file, which open connections see at once.
"""

import os

from django.db.backends.sqlite3 import base


def _identity(path):
    try:
        status = os.stat(path)
    except OSError:
        return None
    return (status.st_dev, status.st_ino)


class DatabaseWrapper(base.DatabaseWrapper):
    _file_identity = None

    def get_new_connection(self, conn_params):
        connection = super().get_new_connection(conn_params)
        self._file_identity = None if self.is_in_memory_db() else _identity(self.settings_dict["NAME"])
        return connection

    def is_usable(self):
        if self._file_identity is None:
            return True
        return _identity(self.settings_dict["NAME"]) == self._file_identity

"""Gunicorn for Nexus CMS: `gunicorn -c deploy/gunicorn.conf.py nexus_cms.wsgi`.

Used by the systemd unit (deploy/systemd/nexus-web.service), by `make run` and `make prod-check`.
Every value can be changed from the environment without editing this file.
"""

import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Wagtail has no async views: sync workers, two per core is the usual start.
workers = int(os.environ.get("GUNICORN_WORKERS", "3"))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
# Longer than the proxy's read timeout would only keep dead requests alive; image renditions on
# first view are the slowest legitimate requests.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then, so a slow leak never becomes an outage.
max_requests = 2000
max_requests_jitter = 200
# The application is loaded once, in the master, and each worker is a fork of it: a worker that
# max_requests retires is replaced in milliseconds instead of importing Django and Wagtail again
# (about a second of CPU, which a burst would otherwise pay every few thousand requests). Code
# changes therefore need a restart (`systemctl restart nexus-web`), not a HUP.
preload_app = True


def post_fork(server, worker):
    """Nothing the master may have opened while loading is shared with a worker."""
    from django.db import connections

    connections.close_all()


# Trust X-Forwarded-* only from the proxy on this machine.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
# One line per request to stdout (the journal). The path only, never the query string (search
# terms are personal: readers at risk search for help) and no client address.
accesslog = os.environ.get("GUNICORN_ACCESSLOG", "-")
# The request id nginx sets (X-Request-ID) ends the line: the same id as nginx's access line and
# the application's log lines of that request (nexus_cms/request_log.py).
access_log_format = '"%(m)s %(U)s" %(s)s %(B)s %(M)sms request_id=%({x-request-id}i)s'
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOGLEVEL", "info")
# No gunicornc control socket: nothing uses it, and several servers on one machine (make run,
# make prod-check) would share its default path.
control_socket_disable = True

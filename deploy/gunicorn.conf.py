"""gunicorn's settings: what bin/start runs, in the container and under `make stack`.

gunicorn sits behind nginx (and Varnish when it runs), which buffers slow clients: its sync
workers only ever talk to a proxy on the same host or the same private network.
"""

import os

# Loopback unless told otherwise: deploy/compose.yaml binds the container's interface on its
# internal network, which only the front containers join; nothing publishes this port.
bind = [os.environ.get("GUNICORN_BIND", f"127.0.0.1:{os.environ.get('PORT', '8000')}")]
workers = int(os.environ.get("WEB_CONCURRENCY", "3"))
# The app is imported once, before the workers are forked: they start at once and share its
# memory. (Code changes need a restart, as they do in a container anyway.)
preload_app = True

# A request still running after this is killed and the worker replaced: nginx's
# proxy_read_timeout (60 s) is longer, so the visitor gets gunicorn's answer, not nginx's.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
# nginx keeps its upstream connections open (keepalive 16): a little longer than a page view.
keepalive = 5
# Workers are recycled now and then, so that a slow leak never grows for weeks.
max_requests = 2000
max_requests_jitter = 200
# The workers' heartbeat files on tmpfs: on a container's overlay or a busy disk, a stalled
# write would make the arbiter kill healthy workers.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None

# Only the front (nginx, Varnish) may tell gunicorn the scheme: loopback for `make stack`,
# the front network's addresses in deploy/compose.yaml.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

accesslog = "-"
# The visitor's address is the X-Forwarded-For that nginx completed; %(h)s is the proxy.
access_log_format = (
    '%({x-forwarded-for}i)s via %(h)s "%(r)s" %(s)s %(B)s %(M)sms request_id=%({x-request-id}i)s "%(a)s"'
)
errorlog = "-"

"""gunicorn for the newsroom: threads per worker process, bound to the local address nginx proxies to.

Every value can be set from the environment: APP_BIND (127.0.0.1:8001), WEB_CONCURRENCY (worker
processes, default 2 per core) and WEB_THREADS (threads per process, default 4).
"""

import multiprocessing
import os

bind = os.environ.get("APP_BIND", "127.0.0.1:8001")
workers = int(os.environ.get("WEB_CONCURRENCY", str(2 * multiprocessing.cpu_count())))
worker_class = "gthread"
threads = int(os.environ.get("WEB_THREADS", "4"))
# Load the project once, then fork: workers share its memory and start fast.
preload_app = True
timeout = 30
graceful_timeout = 20
keepalive = 5
# A worker is replaced now and then, so a slow leak never grows without bound.
max_requests = 5000
max_requests_jitter = 500
# Only nginx on this machine may say which scheme and address a request came with.
forwarded_allow_ips = "127.0.0.1"
accesslog = "-"
errorlog = "-"

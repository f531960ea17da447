"""Starts moto's server the way `python3 -m moto.server -H HOST -p PORT` does, with one change:
requests that change state (PUT, POST, DELETE) run one at a time.

Real S3 checks `If-None-Match: *` and stores the object atomically. moto 5.2.1 checks and stores
in two unlocked steps on a threaded server, so under CPU load two racing conditional PUTs can both
succeed (measured: 2 of 500 races with two winners). Serializing mutations restores the real
service's guarantee, so the concurrency tests test Medallion, not moto's race. Reads stay concurrent.
"""
import os
import sys
import threading

from werkzeug.serving import run_simple
from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app

MUTATIONS = {"PUT", "POST", "DELETE", "PATCH"}


def main():
    host, port = sys.argv[1], int(sys.argv[2])
    os.environ.setdefault("MOTO_PORT", str(port))
    app = DomainDispatcherApplication(create_backend_app)
    lock = threading.Lock()

    def serialized(environ, start_response):
        if environ.get("REQUEST_METHOD") not in MUTATIONS:
            return app(environ, start_response)
        with lock:
            # Consume the whole response inside the lock: the state change happens while it is produced.
            return list(app(environ, start_response))

    run_simple(host, port, serialized, threaded=True)


if __name__ == "__main__":
    main()

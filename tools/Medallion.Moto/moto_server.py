"""Starts moto's server the way `python3 -m moto.server -H HOST -p PORT` does (moto's own app on a
threaded werkzeug server), with two switches, one per caller:

--serialize-mutations (the tests' fixture): requests that change state (PUT, POST, DELETE, PATCH)
run one at a time. Real S3 checks `If-None-Match: *` and stores the object atomically. moto 5.2.1
checks and stores in two unlocked steps on a threaded server, so under CPU load two racing
conditional PUTs can both succeed (measured: 2 of 500 races with two winners). Serializing
mutations restores the real service's guarantee, so the concurrency tests test Medallion, not
moto's race. Reads stay concurrent.

--latency SECONDS (`medallion bench promotion`): every request first waits SECONDS. A loopback
moto has no network round trip, which is what concurrent copies hide on real S3. The wait stands
in for it on the server, so the client under test (Medallion's S3ObjectStore) runs unmodified.
time.sleep releases the GIL, so concurrent requests wait side by side as they would on the
network. The benchmark does not serialize: it makes no conditional writes, and a lock would
undo the concurrency it measures.

Usage: python3 -c "<this script>" HOST PORT [--serialize-mutations] [--latency SECONDS]
"""
import argparse
import os
import threading
import time

from werkzeug.serving import run_simple
from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app

MUTATIONS = {"PUT", "POST", "DELETE", "PATCH"}


def main():
    parser = argparse.ArgumentParser(prog="moto_server")
    parser.add_argument("host")
    parser.add_argument("port", type=int)
    parser.add_argument("--serialize-mutations", action="store_true")
    parser.add_argument("--latency", type=float, default=0.0)
    args = parser.parse_args()
    os.environ.setdefault("MOTO_PORT", str(args.port))
    app = DomainDispatcherApplication(create_backend_app)
    lock = threading.Lock()

    def handle(environ, start_response):
        if args.latency > 0:
            time.sleep(args.latency)
        if not args.serialize_mutations or environ.get("REQUEST_METHOD") not in MUTATIONS:
            return app(environ, start_response)
        with lock:
            # Consume the whole response inside the lock: the state change happens while it is produced.
            return list(app(environ, start_response))

    run_simple(args.host, args.port, handle, threaded=True)


if __name__ == "__main__":
    main()

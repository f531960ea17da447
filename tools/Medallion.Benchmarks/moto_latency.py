"""Starts moto's server the way `python3 -m moto.server -H HOST -p PORT` does, for
`medallion bench promotion`, with one change: every request first waits LATENCY seconds.

A loopback moto has no network round trip, which is what concurrent copies hide on real S3. The
wait stands in for it on the server, so the client under test (Medallion's S3ObjectStore) runs
unmodified. time.sleep releases the GIL, so concurrent requests wait side by side as they would
on the network. Requests are not serialized: the benchmark makes no conditional writes.

Usage: python3 -c "<this script>" HOST PORT LATENCY_SECONDS
"""
import os
import sys
import time

from werkzeug.serving import run_simple
from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app


def main():
    host, port, latency = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
    os.environ.setdefault("MOTO_PORT", str(port))
    app = DomainDispatcherApplication(create_backend_app)

    def delayed(environ, start_response):
        if latency > 0:
            time.sleep(latency)
        return app(environ, start_response)

    run_simple(host, port, delayed, threaded=True)


if __name__ == "__main__":
    main()

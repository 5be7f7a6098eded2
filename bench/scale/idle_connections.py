#!/usr/bin/env python3
"""Do idle keep-alive connections delay a new client?

Opens N TCP connections to the server (default 1,000), sends one keep-alive request on each
(GET /api/openapi.json) and reads the answer, then leaves them open and idle. While they are
parked, a fresh client connects, signs in and runs one actor search; its time is compared with
the same sequence measured before the idle connections were opened.

    python3 bench/scale/idle_connections.py --port 18181 --email E --password P

Prints one "SUMMARY" line (times in milliseconds). The server closes idle connections after
its keep-alive timeout (5 s): the fresh client runs right after the last connection got its
answer, and the script reports how many connections were still open at the end. Raise the
open-file limit first (ulimit -n 4096): both this process and the server need one descriptor
per connection.
"""

import argparse
import json
import resource
import selectors
import socket
import statistics
import sys
import time

SEARCH = "/api/actors?commune=40312&radius_km=30&kind=ei&q=bat"


def read_response(sock):
    """Reads one HTTP/1.1 response with a Content-Length; returns (status, body)."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            raise ConnectionError("connection closed before the headers")
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    length = 0
    for line in lines[1:]:
        name, _, value = line.partition(":")
        if name.strip().lower() == "content-length":
            length = int(value.strip())
    while len(body) < length:
        chunk = sock.recv(65536)
        if not chunk:
            raise ConnectionError("connection closed in the body")
        body += chunk
    return status, body[:length]


def request(sock, method, path, host, body=None, token=None):
    headers = [f"{method} {path} HTTP/1.1", f"Host: {host}", "Connection: keep-alive"]
    if token:
        headers.append(f"Authorization: Bearer {token}")
    payload = b""
    if body is not None:
        payload = json.dumps(body).encode()
        headers += ["Content-Type: application/json", f"Content-Length: {len(payload)}"]
    sock.sendall(("\r\n".join(headers) + "\r\n\r\n").encode() + payload)
    return read_response(sock)


def fresh_client(host, port, email, password):
    """Connect, sign in, search, on one new connection; returns the times in ms."""
    start = time.perf_counter()
    sock = socket.create_connection((host, port), timeout=30)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    connected = time.perf_counter()
    status, body = request(sock, "POST", "/api/auth/login", f"{host}:{port}",
                           {"email": email, "password": password})
    if status != 200:
        raise RuntimeError(f"login answered {status}: {body[:200]!r}")
    token = json.loads(body)["token"]
    logged_in = time.perf_counter()
    status, body = request(sock, "GET", SEARCH, f"{host}:{port}", token=token)
    if status != 200:
        raise RuntimeError(f"search answered {status}: {body[:200]!r}")
    done = time.perf_counter()
    sock.close()
    return {"connect": (connected - start) * 1e3, "login": (logged_in - connected) * 1e3,
            "search": (done - logged_in) * 1e3, "total": (done - start) * 1e3}


def open_idle(host, port, count):
    """Opens `count` connections, one keep-alive GET on each, all answers read."""
    sockets = []
    for _ in range(count):
        s = socket.create_connection((host, port), timeout=30)
        s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        sockets.append(s)
    raw = (f"GET /api/openapi.json HTTP/1.1\r\nHost: {host}:{port}\r\n"
           "Connection: keep-alive\r\n\r\n").encode()
    for s in sockets:
        s.sendall(raw)
    failures = 0
    for s in sockets:
        try:
            status, _ = read_response(s)
            failures += status != 200
        except (OSError, ConnectionError):
            failures += 1
    return sockets, failures


def still_open(sockets):
    """Connections the server has not closed (no EOF waiting to be read)."""
    selector = selectors.DefaultSelector()
    for s in sockets:
        s.setblocking(False)
        selector.register(s, selectors.EVENT_READ)
    closed = {key.fileobj for key, _ in selector.select(timeout=0)}
    selector.close()
    return len(sockets) - len(closed)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--email", required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("--connections", type=int, default=1000)
    parser.add_argument("--samples", type=int, default=5, help="fresh clients timed per phase")
    args = parser.parse_args()

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < args.connections + 64:
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, args.connections + 256), hard))
        except (ValueError, OSError):
            sys.exit(f"open-file limit {soft} is too low: run ulimit -n 4096 first")

    baseline = [fresh_client(args.host, args.port, args.email, args.password)
                for _ in range(args.samples)]
    opened_at = time.perf_counter()
    sockets, failures = open_idle(args.host, args.port, args.connections)
    parked_s = time.perf_counter() - opened_at
    loaded = [fresh_client(args.host, args.port, args.email, args.password)
              for _ in range(args.samples)]
    remaining = still_open(sockets)
    for s in sockets:
        s.close()

    def median(samples, key):
        return statistics.median(sample[key] for sample in samples)

    for phase, samples in (("without idle connections", baseline),
                           (f"with {args.connections} idle connections", loaded)):
        print(f"{phase}: " + ", ".join(
            f"{key} {median(samples, key):.1f} ms" for key in ("connect", "login", "search",
                                                              "total")) +
              f" (median of {len(samples)}; totals: " +
              " ".join(f"{s['total']:.0f}" for s in samples) + " ms)")
    delay = median(loaded, "total") - median(baseline, "total")
    worst = max(s["total"] for s in loaded) - median(baseline, "total")
    print(f"SUMMARY connections={args.connections} failed={failures} "
          f"open_s={parked_s:.2f} still_open={remaining} "
          f"baseline_ms={median(baseline, 'total'):.1f} loaded_ms={median(loaded, 'total'):.1f} "
          f"delay_ms={delay:.1f} worst_delay_ms={worst:.1f}")


if __name__ == "__main__":
    main()

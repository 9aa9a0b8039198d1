#!/usr/bin/env python3
"""Report updates per second: N department officers, each in its own department, each filling
in one of its department's editable reports over and over (PUT /api/v1/reports/{id} with the
ETag of the version it last wrote), for a fixed time.

Usage: writers.py BASE_URL PASSWORD SECONDS WRITERS_JSON
WRITERS_JSON is a file with a list of {"username": ..., "report_id": ...}; every writer of the
list runs at once. Prints updates per second, the p50 and p99 of one update, and the failures.
Talks only to BASE_URL (a loopback address)."""

import http.client
import json
import sys
import threading
import time
import urllib.parse

BASE, PASSWORD, SECONDS, WRITERS = sys.argv[1], sys.argv[2], float(sys.argv[3]), sys.argv[4]
url = urllib.parse.urlparse(BASE)


def request(conn, method, path, body=None, headers=None):
    h = {"content-type": "application/json"}
    h.update(headers or {})
    conn.request(method, path, body=None if body is None else json.dumps(body), headers=h)
    res = conn.getresponse()
    data = res.read()
    return res.status, (json.loads(data) if data else None), res.getheader("etag")


def writer(spec, start, stop, out):
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
    status, body, _ = request(conn, "POST", "/api/v1/auth/login",
                              {"username": spec["username"], "password": PASSWORD})
    assert status == 200, (status, body)
    auth = {"authorization": "Bearer " + body["access_token"]}
    path = "/api/v1/reports/" + spec["report_id"]
    status, report, etag = request(conn, "GET", path, headers=auth)
    assert status == 200, (status, report)
    start.wait()
    done, failed, times, n = 0, 0, [], 0
    while time.monotonic() < stop[0]:
        n += 1
        t0 = time.monotonic()
        status, body, new_etag = request(conn, "PUT", path, {"goal_progress": "update %d" % n},
                                         dict(auth, **{"if-match": etag}))
        times.append(time.monotonic() - t0)
        if status == 200:
            done += 1
            etag = new_etag
        else:
            failed += 1
            _, _, etag = request(conn, "GET", path, headers=auth)
    out.append((done, failed, times))


def main():
    specs = json.load(open(WRITERS))
    start, stop, out = threading.Barrier(len(specs) + 1), [0.0], []
    threads = [threading.Thread(target=writer, args=(s, start, stop, out)) for s in specs]
    for t in threads:
        t.start()
    stop[0] = time.monotonic() + SECONDS
    start.wait()
    began = time.monotonic()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - began
    done = sum(o[0] for o in out)
    failed = sum(o[1] for o in out)
    times = sorted(t for o in out for t in o[2])
    pct = lambda p: times[min(len(times) - 1, int(p * len(times)))] * 1000 if times else 0
    print("%d writer(s): %.1f report updates/s over %.1f s, p50 %.1f ms, p99 %.1f ms, %d failed"
          % (len(specs), done / elapsed, elapsed, pct(0.5), pct(0.99), failed))


main()

#!/usr/bin/env python3
"""Times a batch of spending records that land in open reports, on a service seeded by
seed.py: opens a round of one city (its projects get reports) and sends RECORDS records on
those projects, all paid before the round's cut-off, in one request.

Usage: spending.py BASE_URL ADMIN_USER ADMIN_PASSWORD [RECORDS] [CITY]
Talks only to BASE_URL (a loopback address)."""

import json
import sys
import time
import urllib.parse
import urllib.request

BASE, USER, PASSWORD = sys.argv[1], sys.argv[2], sys.argv[3]
RECORDS = int(sys.argv[4]) if len(sys.argv) > 4 else 2000
CITY = sys.argv[5] if len(sys.argv) > 5 else "370100"


def call(method, path, body=None, token=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(BASE + path, data=data, method=method)
    req.add_header("content-type", "application/json")
    if token:
        req.add_header("authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(req, timeout=600) as res:
            return res.status, json.loads(res.read() or b"null")
    except urllib.error.HTTPError as err:
        return err.code, json.loads(err.read() or b"null")


status, pair = call("POST", "/api/v1/auth/login", {"username": USER, "password": PASSWORD})
assert status == 200, pair
token = pair["access_token"]

status, round_ = call("POST", "/api/v1/rounds", {
    "region_code": CITY, "fiscal_year": 2021, "name": f"{CITY} to July",
    "cutoff_date": "2021-07-31", "open_date": "2021-08-01", "due_date": "2031-12-31",
    "warning_days": 5}, token)
assert status == 201, round_
status, opened = call("POST", f"/api/v1/rounds/{round_['id']}/open", None, token)
assert status == 200, opened
print(f"round of {CITY} opened with {opened['created']} reports")

projects, cursor = [], None
while True:
    path = f"/api/v1/projects?region={CITY}&limit=500" + (f"&cursor={urllib.parse.quote(cursor)}" if cursor else "")
    status, page = call("GET", path, token=token)
    assert status == 200, page
    projects += [p["id"] for p in page["items"]]
    cursor = page["next_cursor"]
    if not cursor:
        break

items = [{"project_id": projects[n % len(projects)],
          "payment_date": f"2021-{1 + n % 7:02d}-{1 + n % 28:02d}",
          "amount": f"{100 + n}.00", "external_ref": f"BENCH-{n:06d}"}
         for n in range(RECORDS)]
started = time.monotonic()
status, report = call("POST", "/api/v1/execution-records", {"items": items}, token)
elapsed = time.monotonic() - started
assert status == 200, report
print(f"spending: {report['summary']['created']} records on {len(projects)} projects with open "
      f"reports in {elapsed:.1f} s")

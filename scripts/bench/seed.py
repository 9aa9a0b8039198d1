#!/usr/bin/env python3
"""Seeds a running budget-monitor with a province, its 16 cities, departments and N projects
(6 indicators each) through the batch import, and prints how long the import took.

Usage: seed.py BASE_URL ADMIN_USER ADMIN_PASSWORD PROJECTS
Writes the admin token and one project id to ./bench-state.json for the load step.
Talks only to BASE_URL (a loopback address)."""

import json
import sys
import time
import urllib.request

BASE, USER, PASSWORD, COUNT = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
CITIES = ["370100", "370200", "370300", "370400", "370500", "370600", "370700", "370800",
          "370900", "371000", "371100", "371300", "371400", "371500", "371600", "371700"]
DEPARTMENTS_PER_CITY = 10


def call(method, path, body=None, token=None, content_type="application/json"):
    data = None if body is None else (body if isinstance(body, bytes) else json.dumps(body).encode())
    req = urllib.request.Request(BASE + path, data=data, method=method)
    req.add_header("content-type", content_type)
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

call("POST", "/api/v1/regions", {"code": "370000", "name": "Shandong", "level": "province"}, token)
departments = []
for i, city in enumerate(CITIES):
    call("POST", "/api/v1/regions", {"code": city, "name": f"City {city}", "level": "city",
                                     "parent_code": "370000"}, token)
    for d in range(DEPARTMENTS_PER_CITY):
        code = f"D{d:02d}"
        call("POST", "/api/v1/departments", {"region_code": city, "code": code,
                                             "name": f"Department {d} of {city}"}, token)
        departments.append((city, code))


def item(n):
    city, dept = departments[n % len(departments)]
    indicators = []
    for k, (l1, l2, w) in enumerate([("output", "quantity", "20"), ("output", "quality", "15"),
                                      ("output", "timeliness", "15"), ("output", "cost", "10"),
                                      ("effect", "social", "20"),
                                      ("satisfaction", "beneficiary_satisfaction", "10")]):
        indicators.append({"level1": l1, "level2": l2, "name": f"Indicator {k}", "comparator": ">=",
                           "target_value": str(100 + k), "unit": "units", "weight": w})
    budget = f"{1000000 + n * 37}.00"
    return {"region_code": city, "fiscal_year": 2021, "code": f"P{n:06d}", "department_code": dept,
            "name": f"Project {n}", "function_class": ["20601", "22401", "20101"][n % 3],
            "fund_sources": {"municipal": budget}, "initial_budget": budget, "indicators": indicators}


started = time.monotonic()
created = 0
for start in range(0, COUNT, 5000):
    batch = {"items": [item(n) for n in range(start, min(start + 5000, COUNT))]}
    status, report = call("POST", "/api/v1/projects/import", batch, token)
    assert status == 200, report
    created += report["summary"]["created"]
    if report["summary"]["rejected"]:
        print("rejected:", [i for i in report["items"] if i["status"] == "rejected"][:3])
elapsed = time.monotonic() - started
print(f"import: {created} projects with {created * 6} indicators in {elapsed:.1f} s")

status, page = call("GET", "/api/v1/projects?limit=1", token=token)
with open("bench-state.json", "w") as f:
    json.dump({"token": token, "project_id": page["items"][0]["id"]}, f)

"""Summaries of schemathesis runs for contract/run.sh (standard library only).

    python3 contract/summarize.py role ROLE REPORT_DIR     one role: its numbers, and its distinct
                                                         failures written to ROLE.failures.txt
    python3 contract/summarize.py table REPORT_DIR ROLE...  the table of all roles

Reads what `schemathesis run --report json,ndjson` wrote for the role: ROLE.json (the verdict:
operations, test cases, failures by check code) and ROLE.ndjson (every scenario, for the failing
requests and responses). A distinct failure is one (operation, check code, response status).
"""

from __future__ import annotations

import base64
import json
import shlex
import sys
from pathlib import Path


def load_verdict(report_dir: Path, role: str) -> dict | None:
    path = report_dir / f"{role}.json"
    if not path.is_file():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


def _decode(content: dict | None) -> str:
    if not content:
        return ""
    if "$base64" in content:
        return base64.b64decode(content["$base64"]).decode("utf-8", "replace")
    return str(content.get("string", content))


def _curl(request: dict, body: str) -> str:
    parts = ["curl", "-X", request["method"]]
    for name, values in (request.get("headers") or {}).items():
        if name.lower() in ("user-agent", "accept-encoding", "connection", "content-length") or name.lower().startswith("x-schemathesis"):
            continue
        value = values[0] if isinstance(values, list) else values
        if name.lower() == "authorization":
            value = "Bearer $TOKEN"
            parts += ["-H", f'"{name}: {value}"']
            continue
        parts += ["-H", shlex.quote(f"{name}: {value}")]
    if body:
        parts += ["--data-binary", shlex.quote(body if len(body) <= 600 else body[:600] + "...")]
    parts.append(shlex.quote(request["uri"]))
    return " ".join(parts)


def distinct_failures(ndjson: Path) -> list[dict]:
    groups: dict[tuple, dict] = {}
    if not ndjson.is_file():
        return []
    with ndjson.open(encoding="utf-8") as lines:
        for line in lines:
            event = json.loads(line)
            scenario = event.get("ScenarioFinished")
            if not scenario or scenario.get("status") != "failure":
                continue
            recorder = scenario["recorder"]
            for case_id, checks in (recorder.get("checks") or {}).items():
                for check in checks:
                    if check.get("status") != "failure":
                        continue
                    failure = check["failure_info"]["failure"]
                    interaction = (recorder.get("interactions") or {}).get(case_id) or {}
                    response = interaction.get("response") or {}
                    key = (failure["operation"], failure["code"], response.get("status_code"))
                    group = groups.get(key)
                    if group is None:
                        request = interaction.get("request")
                        group = groups[key] = {
                            "operation": failure["operation"],
                            "code": failure["code"],
                            "title": failure["title"],
                            "status": response.get("status_code"),
                            "message": failure.get("message", ""),
                            "count": 0,
                            "phases": set(),
                            "curl": _curl(request, _decode(request.get("body"))) if request else "",
                            "response": _decode(response.get("content"))[:400],
                        }
                    group["count"] += 1
                    group["phases"].add(scenario.get("phase", "?"))
    return sorted(groups.values(), key=lambda g: (g["code"], g["operation"], g["status"] or 0))


def role_summary(role: str, report_dir: Path) -> int:
    verdict = load_verdict(report_dir, role)
    if verdict is None:
        print(f"  {role}: no report (schemathesis did not finish; see {report_dir / (role + '.txt')})")
        return 1
    ops = verdict.get("operations") or {}
    cases = verdict.get("test_cases") or {}
    print(f"  {role}: {ops.get('tested', 0)} of {ops.get('selected', 0)} selected operations tested "
          f"({ops.get('total', 0)} in the document), {cases.get('generated', 0)} test cases generated, "
          f"{cases.get('with_failures', 0)} with failures, {cases.get('errored', 0)} errored")
    for failure in verdict.get("failures") or []:
        print(f"    {failure['code']} {failure['title']}: {failure['count']} "
              f"({len(failure.get('operations') or [])} operations)")
    for error in verdict.get("errors") or []:
        print(f"    error: {error['title']}: {error['count']}")
    groups = distinct_failures(report_dir / f"{role}.ndjson")
    out = report_dir / f"{role}.failures.txt"
    with out.open("w", encoding="utf-8") as f:
        for g in groups:
            f.write(f"{g['code']} {g['operation']} -> {g['status']}  {g['title']}  "
                    f"(x{g['count']}; {', '.join(sorted(g['phases']))})\n")
            f.write("  " + g["message"].replace("\n", "\n  ") + "\n")
            f.write(f"  {g['curl']}\n  response: {g['response']}\n\n")
    print(f"    {len(groups)} distinct failures (operation, check, status): {out}")
    return 0


def table(report_dir: Path, roles: list[str]) -> None:
    verdicts = {role: load_verdict(report_dir, role) or {} for role in roles}
    codes = sorted({f["code"] for v in verdicts.values() for f in v.get("failures") or []})
    header = ["role", "operations", "test cases", *codes, "exit"]
    rows = []
    for role, v in verdicts.items():
        by_code = {f["code"]: f["count"] for f in v.get("failures") or []}
        rows.append([
            role,
            str((v.get("operations") or {}).get("tested", "-")),
            str((v.get("test_cases") or {}).get("generated", "-")),
            *[str(by_code.get(code, 0)) for code in codes],
            str(v.get("exit_code", "-")),
        ])
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    for r in [header, *rows]:
        print("  " + "  ".join(cell.ljust(w) for cell, w in zip(r, widths)))


def main(argv: list[str]) -> int:
    if len(argv) >= 3 and argv[0] == "role":
        return role_summary(argv[1], Path(argv[2]))
    if len(argv) >= 2 and argv[0] == "table":
        table(Path(argv[1]), argv[2:])
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

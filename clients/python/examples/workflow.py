"""End-to-end example of the generated Python client against a running server with the demo data.

A department officer fills in and submits one of its draft reports of the 2021 round, a finance
officer approves it, and the overview statistics count it (`budget-monitor seed-demo` loads the
data). Every step is checked; the first failed check prints what went wrong and exits with
status 1.

    BASE_URL=http://127.0.0.1:8080 python clients/python/examples/workflow.py

Needs Python 3.11+ with httpx and attrs (clients/python/pyproject.toml); the package itself is
imported from clients/python when it is not installed. Each run turns one draft of the Jinan
science and technology bureau (JN-KJ) into an approved report, so a freshly seeded database allows
six runs. scripts/clients/e2e.sh runs this file.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import Any, NoReturn, TypeVar

try:
    import budget_monitor_client  # noqa: F401
except ModuleNotFoundError:  # not installed: use the committed package next to this directory
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from budget_monitor_client import AuthenticatedClient, Client
from budget_monitor_client.api.auth import get_me, login
from budget_monitor_client.api.reports import (
    approve_report,
    get_report,
    list_round_reports,
    submit_report,
    update_report,
)
from budget_monitor_client.api.rounds import list_rounds
from budget_monitor_client.api.statistics import get_stats_overview
from budget_monitor_client.models import (
    Achievement,
    Comparator,
    DeviationReason,
    Figures,
    Likelihood,
    LoginRequest,
    Overview,
    PageReportListItem,
    PageRound,
    Problem,
    Report,
    ReportIndicator,
    ReportIndicatorInput,
    ReportInput,
    ReportStatus,
    Role,
    RoundStatus,
    TokenPair,
    User,
    WorkflowComment,
)
from budget_monitor_client.types import UNSET, Response, Unset

BASE_URL = os.environ.get("BASE_URL", "http://127.0.0.1:8080").rstrip("/")
PASSWORD = os.environ.get("DEMO_PASSWORD", "Demo-Monitor-2021")

OFFICER = "jn.kj.officer"  # department officer of the Jinan science and technology bureau
DEPARTMENT_CODE = "JN-KJ"
FINANCE = "jn.finance"  # Jinan finance officer
REGION = "370100"  # Jinan
YEAR = 2021
JINAN_KEY_MONITORED_PROJECTS = 96

T = TypeVar("T")


# --- checking and printing ----------------------------------------------------------------------


class CheckFailed(Exception):
    pass


def check(condition: object, message: str) -> None:
    if not condition:
        raise CheckFailed(message)


def fail(message: str) -> NoReturn:
    raise CheckFailed(message)


def problem_of(response: Response[Any]) -> Problem | None:
    """The problem+json body of an error answer, also for a status the document does not declare
    for the operation (the generated code then leaves `parsed` as None)."""
    if isinstance(response.parsed, Problem):
        return response.parsed
    try:
        return Problem.from_dict(json.loads(response.content))
    except (ValueError, KeyError, TypeError):
        return None


def describe(response: Response[Any]) -> str:
    problem = problem_of(response)
    if problem is None:
        return response.content[:300].decode("utf-8", "replace")
    errors = problem.errors.to_dict() if problem.errors else None
    return f"{problem.title}: {problem.detail}" + (f" {json.dumps(errors)}" if errors else "")


def ok(what: str, response: Response[Any], expected: type[T]) -> T:
    """The parsed body of a successful call; anything else fails the run with the server's problem."""
    if response.status_code // 100 != 2 or not isinstance(response.parsed, expected):
        fail(f"{what}: HTTP {int(response.status_code)} {describe(response)}")
    return response.parsed


def given(value: T | None | Unset) -> T | None:
    """None for a field that is absent (UNSET) or null."""
    return None if isinstance(value, Unset) else value


_step = 0


def step(text: str) -> None:
    global _step
    _step += 1
    print(f"\n[{_step}] {text}", flush=True)


def say(text: str) -> None:
    print(f"    {text}", flush=True)


# --- the workflow -------------------------------------------------------------------------------


def log_in(username: str, role: Role) -> AuthenticatedClient:
    """A client for `username`, logged in; the access token is sent as a bearer token."""
    anonymous = Client(base_url=BASE_URL)
    tokens = ok(
        f"log in as {username}",
        login.sync_detailed(client=anonymous, body=LoginRequest(username=username, password=PASSWORD)),
        TokenPair,
    )
    check(tokens.token_type == "Bearer", f"token_type is {tokens.token_type}, not Bearer")
    api = AuthenticatedClient(base_url=BASE_URL, token=tokens.access_token)

    me = ok("GET /auth/me", get_me.sync_detailed(client=api), User)
    check(me.username == username, f"/auth/me says {me.username}, not {username}")
    check(me.role == role, f"{username} has role {me.role}, not {role}")
    say(f"logged in as {me.username} ({me.role}); access token valid {tokens.expires_in} s")
    return api


def all_reports(api: AuthenticatedClient, round_id: Any) -> list[Any]:
    """Every report of the round the caller may see, following `next_cursor`."""
    items: list[Any] = []
    cursor: str | Unset = UNSET
    while True:
        page = ok(
            "GET /rounds/{id}/reports",
            list_round_reports.sync_detailed(round_id, client=api, limit=200, cursor=cursor),
            PageReportListItem,
        )
        items.extend(page.items)
        next_cursor = given(page.next_cursor)
        if not next_cursor:
            return items
        cursor = next_cursor


def read_report(api: AuthenticatedClient, report_id: Any) -> tuple[Report, str]:
    response = get_report.sync_detailed(report_id, client=api)
    report = ok("GET /reports/{id}", response, Report)
    etag = response.headers.get("ETag")
    check(etag, "GET /reports/{id} sent no ETag header")
    return report, etag


def fill_row(row: ReportIndicator) -> ReportIndicatorInput:
    """What the department reports for one indicator row: on track where the system expects it."""
    if row.comparator == Comparator.QUALITATIVE:
        return ReportIndicatorInput(
            id=row.id,
            actual_text=Achievement.ACHIEVED,
            forecast_text=Achievement.ACHIEVED,
            likelihood=Likelihood.CERTAIN,
        )
    actual = given(row.expected_value) or given(row.target_value)
    check(actual, f'indicator "{row.name}" has neither an expected nor a target value')
    return ReportIndicatorInput(
        id=row.id,
        actual_value=actual,
        forecast_value=given(row.target_value) or actual,
        likelihood=Likelihood.CERTAIN,
    )


def overview(api: AuthenticatedClient) -> Figures:
    data = ok(
        "GET /stats/overview",
        get_stats_overview.sync_detailed(client=api, region=REGION, year=YEAR),
        Overview,
    )
    check(
        data.region.code == REGION and data.year == YEAR,
        f"overview answered for {data.region.code}/{data.year}, not {REGION}/{YEAR}",
    )
    return data.figures


def report_counts(figures: Figures) -> str:
    r = figures.reports
    return f"{r.total} reports: {r.approved} approved, {r.submitted} submitted, {r.draft} draft, {r.returned} returned"


def main() -> None:
    started = time.monotonic()
    print(f"budget-monitor Python client: end-to-end workflow against {BASE_URL}", flush=True)

    step(f"department officer logs in ({OFFICER})")
    officer = log_in(OFFICER, Role.DEPARTMENT_OFFICER)

    step(f"find the {YEAR} round")
    rounds = ok("GET /rounds", list_rounds.sync_detailed(client=officer, fiscal_year=YEAR), PageRound).items
    check(
        all(r.fiscal_year == YEAR for r in rounds),
        f"GET /rounds?fiscal_year={YEAR} answered other years too",
    )
    open_rounds = [r for r in rounds if r.status == RoundStatus.OPEN]
    check(len(open_rounds) == 1, f"expected one open {YEAR} round, found {len(open_rounds)} (of {len(rounds)})")
    round_ = open_rounds[0]
    say(f"{round_.name}: id {round_.id}, region {round_.region_code}")
    say(f"cut-off {round_.cutoff_date}, due {round_.due_date}, status {round_.status}")

    step("list the round's reports (the officer sees only its department's)")
    reports = all_reports(officer, round_.id)
    check(reports, "the officer sees no reports in the round")
    foreign = [r for r in reports if r.department_code != DEPARTMENT_CODE]
    if foreign:
        fail(f"the officer sees {len(foreign)} reports of other departments, e.g. {foreign[0].project_code}")
    by_status: dict[str, int] = {}
    for r in reports:
        by_status[str(r.status)] = by_status.get(str(r.status), 0) + 1
    summary = ", ".join(f"{n} {status}" for status, n in by_status.items())
    say(f"{len(reports)} reports, all of {DEPARTMENT_CODE}: {summary}")
    draft = next((r for r in reports if r.status == ReportStatus.DRAFT), None)
    if draft is None:
        fail(f"no draft report left in {DEPARTMENT_CODE} (each run uses one; reseed the database)")
    say(f'picked {draft.project_code} "{draft.project_name}" (report {draft.id})')

    step("read the report")
    report, etag = read_report(officer, draft.id)
    check(report.status == ReportStatus.DRAFT, f"report is {report.status}, not draft")
    say(
        f"ETag {etag}; {len(report.indicators)} indicator rows; budget {report.budget.adjusted_budget}, "
        f"executed {report.budget.executed_amount} ({given(report.budget.execution_rate) or '-'} %)"
    )

    # Without the full-year forecast the server must refuse a submission and list what is missing.
    # (A run that failed half-way may have left this draft filled in; then there is nothing to probe.)
    if given(report.budget.forecast_execution) is None:
        step("submitting it unfilled is refused with the missing fields")
        early = submit_report.sync_detailed(report.id, client=officer)
        check(early.status_code == 422, f"expected 422, got HTTP {int(early.status_code)}")
        # 422 is not declared for submit_report in the document, so `parsed` is None here.
        problem = problem_of(early)
        missing = problem.errors.additional_keys if problem and problem.errors else []
        check("forecast_execution" in missing, f"the 422 does not list forecast_execution: {describe(early)}")
        say(f"422 {problem.title if problem else ''}: {len(missing)} fields, e.g. {', '.join(missing[:4])}")

    step("fill in the department's fields (PUT with If-Match)")

    def entry(rows: list[ReportIndicatorInput]) -> ReportInput:
        return ReportInput(
            forecast_execution=report.budget.adjusted_budget,
            goal_progress="Work is under way as planned; see the indicators.",
            construction="Research tasks are running as planned.",
            management="Monthly progress reviews by the bureau.",
            financial_management="Funds are paid against accepted milestones.",
            problems="None.",
            corrective_measures="None needed.",
            targets_need_adjusting=False,
            indicators=rows,
        )

    rows = [fill_row(row) for row in report.indicators]
    put = update_report.sync_detailed(report.id, client=officer, body=entry(rows), if_match=etag)
    filled = ok("PUT /reports/{id}", put, Report)
    new_etag = put.headers.get("ETag")
    check(new_etag and new_etag != etag, f"PUT answered ETag {new_etag}, expected a new one (was {etag})")
    etag = new_etag
    check(
        given(filled.budget.forecast_execution) == report.budget.adjusted_budget,
        f"forecast_execution reads back as {given(filled.budget.forecast_execution)}",
    )
    check(filled.narrative.goal_progress == entry(rows).goal_progress, "goal_progress did not read back")
    for row in filled.indicators:
        check(
            given(row.likelihood) == Likelihood.CERTAIN,
            f'indicator "{row.name}" reads back likelihood {row.likelihood}',
        )
        has_actual = (
            given(row.actual_text) == Achievement.ACHIEVED
            if row.comparator == Comparator.QUALITATIVE
            else given(row.actual_value) is not None
        )
        check(has_actual, f'indicator "{row.name}" has no actual value after the PUT')
    report = filled
    lights = given(report.lights)
    say(f"saved; ETag now {etag}")
    say(f"project light {lights.overall if lights else '-'}, score {given(lights.score_total) if lights else '-'}")

    # The server decides which rows are behind their expected value; those need deviation reasons
    # and corrective measures. PUT replaces the whole entry (a field left out is cleared, although
    # the schema marks every field optional), so the second PUT resends everything.
    behind = {row.id for row in report.indicators if row.behind}
    if behind:
        step(f"explain the {len(behind)} indicator rows the server marks as behind")
        for row in rows:
            if row.id in behind:
                row.deviation_reasons = [DeviationReason.OTHER]
                row.deviation_note = "Most of the work falls into the second half of the year."
                row.corrective_measures = "Monthly progress reviews until the indicator is back on track."
        put = update_report.sync_detailed(report.id, client=officer, body=entry(rows), if_match=etag)
        report = ok("PUT /reports/{id} (deviations)", put, Report)
        etag = put.headers.get("ETag") or etag
        names = [row.name for row in report.indicators if row.id in behind]
        say(f"explained: {', '.join(names)}; ETag now {etag}")

    step("submit it")
    report = ok("POST /reports/{id}/submit", submit_report.sync_detailed(report.id, client=officer), Report)
    check(report.status == ReportStatus.SUBMITTED, f"status after submit is {report.status}, not submitted")
    submitted_at = given(report.submitted_at)
    check(submitted_at, "submitted_at is not set after submit")
    late = " (late)" if report.late else ""
    say(f"status {report.status} at {submitted_at.isoformat() if submitted_at else '-'}{late}")

    step(f"finance officer logs in ({FINANCE})")
    finance = log_in(FINANCE, Role.FINANCE_OFFICER)

    step(f"overview statistics of Jinan ({REGION}) before the approval")
    before = overview(finance)
    say(report_counts(before))

    step("approve the report")
    approval = "Checked against the spending records; approved."
    report = ok(
        "POST /reports/{id}/approve",
        approve_report.sync_detailed(report.id, client=finance, body=WorkflowComment(comment=approval)),
        Report,
    )
    check(report.status == ReportStatus.APPROVED, f"status after approve is {report.status}, not approved")
    last = report.history[-1] if report.history else None
    check(
        last is not None and last.to == "approved" and last.comment == approval,
        f"the last transition is {last.to_dict() if last else None}",
    )
    path = " -> ".join([report.history[0].from_, *(t.to for t in report.history)])
    say(f"status {report.status}; history {path}")

    step("overview statistics after the approval")
    after = overview(finance)
    say(report_counts(after))
    check(
        after.reports.approved == before.reports.approved + 1,
        f"approved went from {before.reports.approved} to {after.reports.approved}, expected +1",
    )
    check(
        after.reports.submitted == before.reports.submitted - 1,
        f"submitted went from {before.reports.submitted} to {after.reports.submitted}, expected -1",
    )
    check(after.reports.total == before.reports.total, "the report total changed")
    check(
        after.key_monitored_projects == JINAN_KEY_MONITORED_PROJECTS,
        f"Jinan has {after.key_monitored_projects} key-monitored projects, expected {JINAN_KEY_MONITORED_PROJECTS}",
    )
    say(f"approved +1 ({before.reports.approved} -> {after.reports.approved})")
    say(f"key-monitored projects in Jinan: {after.key_monitored_projects}")

    print(
        f"\nOK: {draft.project_code} submitted and approved, statistics agree ({time.monotonic() - started:.1f} s)",
        flush=True,
    )


if __name__ == "__main__":
    try:
        main()
    except CheckFailed as failure:
        print(f"\nFAILED: {failure}", file=sys.stderr)
        sys.exit(1)

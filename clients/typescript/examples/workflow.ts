/**
 * End-to-end example of the typed client against a running server with the demo data
 * (`budget-monitor seed-demo`): a department officer fills in and submits one of its draft reports
 * of the 2021 round, a finance officer approves it, and the overview statistics count it.
 * Every step is checked; the first failed check prints what went wrong and exits with status 1.
 *
 *     BASE_URL=http://127.0.0.1:8080 npx tsx clients/typescript/examples/workflow.ts
 *
 * Each run turns one draft of the Jinan science and technology bureau (JN-KJ) into an approved
 * report, so a freshly seeded database allows six runs. scripts/clients/e2e.sh type-checks this
 * file (examples/tsconfig.json) and runs it.
 */
import {
  bearerAuth,
  createClient,
  type BudgetMonitorClient,
  type Problem,
  type Schemas,
} from "@budget-monitor/client";

const baseUrl = (process.env.BASE_URL ?? "http://127.0.0.1:8080").replace(/\/+$/, "");
const password = process.env.DEMO_PASSWORD ?? "Demo-Monitor-2021";

const OFFICER = "jn.kj.officer"; // department officer of the Jinan science and technology bureau
const DEPARTMENT_CODE = "JN-KJ";
const FINANCE = "jn.finance"; // Jinan finance officer
const REGION = "370100"; // Jinan
const YEAR = 2021;
const JINAN_KEY_MONITORED_PROJECTS = 96;

type Report = Schemas["Report"];
type ReportIndicator = Schemas["ReportIndicator"];
type ReportListItem = Schemas["ReportListItem"];

// --- checking and printing -----------------------------------------------------------------------

class CheckFailed extends Error {}

function check(condition: unknown, message: string): asserts condition {
  if (!condition) {
    throw new CheckFailed(message);
  }
}

function describeProblem(error: unknown): string {
  if (error && typeof error === "object" && "status" in error) {
    const p = error as Problem;
    const fields = p.errors ? ` ${JSON.stringify(p.errors)}` : "";
    return `${p.title}: ${p.detail}${fields}`;
  }
  return JSON.stringify(error);
}

/** The body of a successful call; anything else fails the run with the problem the server sent. */
function ok<T>(step: string, result: { data?: T; error?: unknown; response: Response }): T {
  const { data, error, response } = result;
  if (!response.ok || data === undefined) {
    throw new CheckFailed(`${step}: HTTP ${response.status} ${describeProblem(error)}`);
  }
  return data;
}

let stepNo = 0;
function step(text: string): void {
  stepNo += 1;
  console.log(`\n[${stepNo}] ${text}`);
}
function say(text: string): void {
  console.log(`    ${text}`);
}

// --- the workflow --------------------------------------------------------------------------------

/**
 * The JSON body of an operation that can also answer CSV or XLSX: openapi-fetch types its `data` as
 * the union of every media type of the 200 response, and the JSON page is what we asked for.
 */
function json<T>(step: string, body: T | string): T {
  check(typeof body !== "string", `${step}: expected a JSON body, got text`);
  return body;
}

/** A client for `username`, logged in; the access token is sent as a bearer token. */
async function logIn(username: string, role: Schemas["Role"]): Promise<BudgetMonitorClient> {
  const api = createClient({ baseUrl });
  const tokens = ok(
    `log in as ${username}`,
    await api.POST("/api/v1/auth/login", { body: { username, password } }),
  );
  check(tokens.token_type === "Bearer", `token_type is ${tokens.token_type}, not Bearer`);
  api.use(bearerAuth(() => tokens.access_token));

  const me = ok("GET /auth/me", await api.GET("/api/v1/auth/me"));
  check(me.username === username, `/auth/me says ${me.username}, not ${username}`);
  check(me.role === role, `${username} has role ${me.role}, not ${role}`);
  say(`logged in as ${me.username} (${me.role}); access token valid ${tokens.expires_in} s`);
  return api;
}

/** Every report of the round the caller may see, following `next_cursor`. */
async function allReports(api: BudgetMonitorClient, roundId: string): Promise<ReportListItem[]> {
  const items: ReportListItem[] = [];
  let cursor: string | undefined;
  do {
    const page = json(
      "GET /rounds/{id}/reports",
      ok(
        "GET /rounds/{id}/reports",
        await api.GET("/api/v1/rounds/{id}/reports", {
          params: { path: { id: roundId }, query: { limit: 200, cursor } },
        }),
      ),
    );
    items.push(...page.items);
    cursor = page.next_cursor ?? undefined;
  } while (cursor);
  return items;
}

async function getReport(api: BudgetMonitorClient, id: string): Promise<{ report: Report; etag: string }> {
  const result = await api.GET("/api/v1/reports/{id}", { params: { path: { id } } });
  const report = ok("GET /reports/{id}", result);
  const etag = result.response.headers.get("ETag");
  check(etag, "GET /reports/{id} sent no ETag header");
  return { report, etag };
}

/** What the department reports for one indicator row: on track where the system expects it to be. */
function fillRow(row: ReportIndicator): Schemas["ReportIndicatorInput"] {
  if (row.comparator === "qualitative") {
    return { id: row.id, actual_text: "achieved", forecast_text: "achieved", likelihood: "certain" };
  }
  const actual = row.expected_value ?? row.target_value;
  check(actual, `indicator "${row.name}" has neither an expected nor a target value`);
  return {
    id: row.id,
    actual_value: actual,
    forecast_value: row.target_value ?? actual,
    likelihood: "certain",
  };
}

async function overview(api: BudgetMonitorClient): Promise<Schemas["Figures"]> {
  const data = json(
    "GET /stats/overview",
    ok(
      "GET /stats/overview",
      await api.GET("/api/v1/stats/overview", { params: { query: { region: REGION, year: YEAR } } }),
    ),
  );
  check(
    data.region.code === REGION && data.year === YEAR,
    `overview answered for ${data.region.code}/${data.year}, not ${REGION}/${YEAR}`,
  );
  return data.figures;
}

function reportCounts(f: Schemas["Figures"]): string {
  const r = f.reports;
  return `${r.total} reports: ${r.approved} approved, ${r.submitted} submitted, ${r.draft} draft, ` +
    `${r.returned} returned`;
}

async function main(): Promise<void> {
  const started = performance.now();
  console.log(`budget-monitor TypeScript client: end-to-end workflow against ${baseUrl}`);

  step(`department officer logs in (${OFFICER})`);
  const officer = await logIn(OFFICER, "department_officer");

  step(`find the ${YEAR} round`);
  const rounds = ok(
    "GET /rounds",
    await officer.GET("/api/v1/rounds", { params: { query: { fiscal_year: YEAR } } }),
  ).items;
  check(
    rounds.every((r) => r.fiscal_year === YEAR),
    `GET /rounds?fiscal_year=${YEAR} answered other years too`,
  );
  const open = rounds.filter((r) => r.status === "open");
  check(open.length === 1, `expected one open ${YEAR} round, found ${open.length} (of ${rounds.length})`);
  const round = open[0]!;
  say(`${round.name}: id ${round.id}, region ${round.region_code}`);
  say(`cut-off ${round.cutoff_date}, due ${round.due_date}, status ${round.status}`);

  step("list the round's reports (the officer sees only its department's)");
  const reports = await allReports(officer, round.id);
  check(reports.length > 0, "the officer sees no reports in the round");
  const foreign = reports.filter((r) => r.department_code !== DEPARTMENT_CODE);
  check(
    foreign.length === 0,
    `the officer sees ${foreign.length} reports of other departments, e.g. ${foreign[0]?.project_code}`,
  );
  const byStatus = new Map<string, number>();
  for (const r of reports) byStatus.set(r.status, (byStatus.get(r.status) ?? 0) + 1);
  const summary = [...byStatus].map(([status, n]) => `${n} ${status}`).join(", ");
  say(`${reports.length} reports, all of ${DEPARTMENT_CODE}: ${summary}`);
  const draft = reports.find((r) => r.status === "draft");
  check(draft, `no draft report left in ${DEPARTMENT_CODE} (each run uses one; reseed the database)`);
  say(`picked ${draft.project_code} "${draft.project_name}" (report ${draft.id})`);

  step("read the report");
  let { report, etag } = await getReport(officer, draft.id);
  check(report.status === "draft", `report is ${report.status}, not draft`);
  say(
    `ETag ${etag}; ${report.indicators.length} indicator rows; budget ${report.budget.adjusted_budget}, ` +
      `executed ${report.budget.executed_amount} (${report.budget.execution_rate ?? "-"} %)`,
  );

  // Without the full-year forecast the server must refuse a submission and list what is missing.
  // (A run that failed half-way may have left this draft filled in; then there is nothing to probe.)
  if (report.budget.forecast_execution == null) {
    step("submitting it unfilled is refused with the missing fields");
    const early = await officer.POST("/api/v1/reports/{id}/submit", {
      params: { path: { id: report.id } },
    });
    check(early.response.status === 422, `expected 422, got HTTP ${early.response.status}`);
    const problem = early.error;
    const missing = Object.keys(problem?.errors ?? {});
    check(
      missing.includes("forecast_execution"),
      `the 422 does not list forecast_execution: ${describeProblem(problem)}`,
    );
    say(`422 ${problem?.title}: ${missing.length} fields, e.g. ${missing.slice(0, 4).join(", ")}`);
  }

  step("fill in the department's fields (PUT with If-Match)");
  const input: Schemas["ReportInput"] = {
    forecast_execution: report.budget.adjusted_budget,
    goal_progress: "Work is under way as planned; see the indicators.",
    construction: "Research tasks are running as planned.",
    management: "Monthly progress reviews by the bureau.",
    financial_management: "Funds are paid against accepted milestones.",
    problems: "None.",
    corrective_measures: "None needed.",
    targets_need_adjusting: false,
    indicators: report.indicators.map(fillRow),
  };
  let put = await officer.PUT("/api/v1/reports/{id}", {
    params: { path: { id: report.id }, header: { "If-Match": etag } },
    body: input,
  });
  report = ok("PUT /reports/{id}", put);
  const newEtag = put.response.headers.get("ETag");
  check(newEtag && newEtag !== etag, `PUT answered ETag ${newEtag}, expected a new one (was ${etag})`);
  etag = newEtag;
  check(
    report.budget.forecast_execution === input.forecast_execution,
    `forecast_execution reads back as ${report.budget.forecast_execution}`,
  );
  check(report.narrative.goal_progress === input.goal_progress, "goal_progress did not read back");
  for (const row of report.indicators) {
    check(row.likelihood === "certain", `indicator "${row.name}" reads back likelihood ${row.likelihood}`);
    check(
      row.comparator === "qualitative" ? row.actual_text === "achieved" : row.actual_value != null,
      `indicator "${row.name}" has no actual value after the PUT`,
    );
  }
  say(`saved; ETag now ${etag}`);
  say(`project light ${report.lights?.overall ?? "-"}, score ${report.lights?.score_total ?? "-"}`);

  // The server decides which rows are behind their expected value; those need deviation reasons
  // and corrective measures. PUT replaces the whole entry (a field left out is cleared, although
  // the schema marks every field optional), so the second PUT resends everything.
  const behind = new Set(report.indicators.filter((row) => row.behind).map((row) => row.id));
  if (behind.size > 0) {
    step(`explain the ${behind.size} indicator rows the server marks as behind`);
    const reason: Schemas["DeviationReason"] = "other";
    put = await officer.PUT("/api/v1/reports/{id}", {
      params: { path: { id: report.id }, header: { "If-Match": etag } },
      body: {
        ...input,
        indicators: (input.indicators ?? []).map((row) =>
          behind.has(row.id)
            ? {
                ...row,
                deviation_reasons: [reason],
                deviation_note: "Most of the work falls into the second half of the year.",
                corrective_measures: "Monthly progress reviews until the indicator is back on track.",
              }
            : row,
        ),
      },
    });
    report = ok("PUT /reports/{id} (deviations)", put);
    etag = put.response.headers.get("ETag") ?? etag;
    const names = report.indicators.filter((row) => behind.has(row.id)).map((row) => row.name);
    say(`explained: ${names.join(", ")}; ETag now ${etag}`);
  }

  step("submit it");
  report = ok(
    "POST /reports/{id}/submit",
    await officer.POST("/api/v1/reports/{id}/submit", { params: { path: { id: report.id } } }),
  );
  check(report.status === "submitted", `status after submit is ${report.status}, not submitted`);
  check(report.submitted_at, "submitted_at is not set after submit");
  say(`status ${report.status} at ${report.submitted_at}${report.late ? " (late)" : ""}`);

  step(`finance officer logs in (${FINANCE})`);
  const finance = await logIn(FINANCE, "finance_officer");

  step(`overview statistics of Jinan (${REGION}) before the approval`);
  const before = await overview(finance);
  say(reportCounts(before));

  step("approve the report");
  const approval = "Checked against the spending records; approved.";
  report = ok(
    "POST /reports/{id}/approve",
    await finance.POST("/api/v1/reports/{id}/approve", {
      params: { path: { id: report.id } },
      body: { comment: approval },
    }),
  );
  check(report.status === "approved", `status after approve is ${report.status}, not approved`);
  const last = report.history.at(-1);
  check(
    last?.to === "approved" && last.comment === approval,
    `the last transition is ${JSON.stringify(last)}`,
  );
  const path = [report.history[0]?.from, ...report.history.map((t) => t.to)].join(" -> ");
  say(`status ${report.status}; history ${path}`);

  step("overview statistics after the approval");
  const after = await overview(finance);
  say(reportCounts(after));
  check(
    after.reports.approved === before.reports.approved + 1,
    `approved went from ${before.reports.approved} to ${after.reports.approved}, expected +1`,
  );
  check(
    after.reports.submitted === before.reports.submitted - 1,
    `submitted went from ${before.reports.submitted} to ${after.reports.submitted}, expected -1`,
  );
  check(after.reports.total === before.reports.total, "the report total changed");
  check(
    after.key_monitored_projects === JINAN_KEY_MONITORED_PROJECTS,
    `Jinan has ${after.key_monitored_projects} key-monitored projects, ` +
      `expected ${JINAN_KEY_MONITORED_PROJECTS}`,
  );
  say(`approved +1 (${before.reports.approved} -> ${after.reports.approved})`);
  say(`key-monitored projects in Jinan: ${after.key_monitored_projects}`);

  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`\nOK: ${draft.project_code} submitted and approved, statistics agree (${seconds} s)`);
}

main().catch((err: unknown) => {
  // A failed check is explained by its message; anything else (the server is down, a body that does
  // not parse) gets its stack.
  let message = String(err);
  if (err instanceof CheckFailed) message = err.message;
  else if (err instanceof Error) message = err.stack ?? err.message;
  console.error(`\nFAILED: ${message}`);
  process.exitCode = 1;
});

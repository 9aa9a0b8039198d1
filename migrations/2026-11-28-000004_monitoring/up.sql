-- Dual monitoring: spending records from treasury systems, monitoring rounds, project reports
-- with one row per indicator, department reports, and the history of every report transition.

CREATE TABLE execution_records (
    id               UUID PRIMARY KEY,
    project_id       UUID NOT NULL REFERENCES projects (id) ON DELETE RESTRICT,
    region_id        UUID NOT NULL,
    region_path      TEXT NOT NULL,
    department_path  TEXT NOT NULL,
    payment_date     DATE NOT NULL,
    -- Negative for refunds.
    amount           NUMERIC(18, 2) NOT NULL CHECK (amount <> 0),
    -- The sender's own id for the record: a resent record is recognised by it.
    external_ref     TEXT NOT NULL CHECK (length(external_ref) BETWEEN 1 AND 200),
    description      TEXT NOT NULL DEFAULT '',
    created_by       UUID,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (project_id, external_ref)
);

CREATE INDEX execution_records_project_date_idx ON execution_records (project_id, payment_date);
CREATE INDEX execution_records_region_idx ON execution_records (region_path text_pattern_ops, payment_date);

CREATE TABLE rounds (
    id            UUID PRIMARY KEY,
    region_id     UUID NOT NULL REFERENCES regions (id) ON DELETE RESTRICT,
    region_path   TEXT NOT NULL,
    fiscal_year   SMALLINT NOT NULL CHECK (fiscal_year BETWEEN 2000 AND 2100),
    name          TEXT NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    cutoff_date   DATE NOT NULL,
    open_date     DATE NOT NULL,
    due_date      DATE NOT NULL,
    warning_days  INTEGER NOT NULL DEFAULT 7 CHECK (warning_days BETWEEN 0 AND 60),
    status        TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'open', 'closed')),
    opened_at     TIMESTAMPTZ,
    closed_at     TIMESTAMPTZ,
    version       INTEGER NOT NULL DEFAULT 1,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (EXTRACT(YEAR FROM cutoff_date) = fiscal_year),
    CHECK (due_date >= open_date)
);

CREATE INDEX rounds_region_idx ON rounds (region_path text_pattern_ops, fiscal_year);

CREATE TABLE reports (
    id                      UUID PRIMARY KEY,
    round_id                UUID NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,
    project_id              UUID NOT NULL REFERENCES projects (id) ON DELETE RESTRICT,
    department_id           UUID NOT NULL REFERENCES departments (id) ON DELETE RESTRICT,
    region_id               UUID NOT NULL,
    region_path             TEXT NOT NULL,
    department_path         TEXT NOT NULL,
    status                  TEXT NOT NULL DEFAULT 'draft'
                            CHECK (status IN ('draft', 'submitted', 'returned', 'approved')),
    late                    BOOLEAN NOT NULL DEFAULT false,
    submitted_at            TIMESTAMPTZ,
    -- Filled by the system from the ledger, execution records and the round's cut-off.
    adjusted_budget         NUMERIC(18, 2) NOT NULL DEFAULT 0,
    executed_amount         NUMERIC(18, 2) NOT NULL DEFAULT 0,
    execution_rate          NUMERIC(9, 2),
    time_progress           NUMERIC(5, 2) NOT NULL DEFAULT 0,
    -- Filled by the department (possibly carried over from the previous round).
    forecast_execution      NUMERIC(18, 2),
    goal_progress           TEXT NOT NULL DEFAULT '',
    construction            TEXT NOT NULL DEFAULT '',
    management              TEXT NOT NULL DEFAULT '',
    financial_management    TEXT NOT NULL DEFAULT '',
    problems                TEXT NOT NULL DEFAULT '',
    corrective_measures     TEXT NOT NULL DEFAULT '',
    targets_need_adjusting  BOOLEAN,
    -- Names of the fields the system filled (derived or carried over and not since changed).
    system_filled           TEXT[] NOT NULL DEFAULT '{}',
    version                 INTEGER NOT NULL DEFAULT 1,
    created_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (round_id, project_id)
);

CREATE INDEX reports_round_scope_idx ON reports (round_id, region_path text_pattern_ops);
CREATE INDEX reports_round_department_idx ON reports (round_id, department_id);
CREATE INDEX reports_project_idx ON reports (project_id);

CREATE TABLE report_indicators (
    id                   UUID PRIMARY KEY,
    report_id            UUID NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    indicator_id         UUID REFERENCES indicators (id) ON DELETE SET NULL,
    -- The indicator as it was when the report was last refreshed.
    level1               TEXT NOT NULL,
    level2               TEXT NOT NULL,
    name                 TEXT NOT NULL,
    comparator           TEXT NOT NULL,
    target_value         NUMERIC(20, 4),
    target_text          TEXT,
    unit                 TEXT NOT NULL DEFAULT '',
    weight               NUMERIC(5, 2) NOT NULL,
    accrues              BOOLEAN NOT NULL,
    expected_value       NUMERIC(20, 4),
    actual_value         NUMERIC(20, 4),
    actual_text          TEXT CHECK (actual_text IN ('achieved', 'partly_achieved', 'not_achieved')),
    forecast_value       NUMERIC(20, 4),
    forecast_text        TEXT CHECK (forecast_text IN ('achieved', 'partly_achieved', 'not_achieved')),
    deviation_reasons    TEXT[] NOT NULL DEFAULT '{}',
    deviation_note       TEXT NOT NULL DEFAULT '',
    likelihood           TEXT CHECK (likelihood IN ('certain', 'possible', 'impossible')),
    corrective_measures  TEXT NOT NULL DEFAULT '',
    UNIQUE (report_id, indicator_id)
);

CREATE INDEX report_indicators_report_idx ON report_indicators (report_id, id);

CREATE TABLE department_reports (
    id               UUID PRIMARY KEY,
    round_id         UUID NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,
    department_id    UUID NOT NULL REFERENCES departments (id) ON DELETE RESTRICT,
    region_id        UUID NOT NULL,
    region_path      TEXT NOT NULL,
    department_path  TEXT NOT NULL,
    status           TEXT NOT NULL DEFAULT 'draft'
                     CHECK (status IN ('draft', 'submitted', 'returned', 'approved')),
    late             BOOLEAN NOT NULL DEFAULT false,
    submitted_at     TIMESTAMPTZ,
    summary          TEXT NOT NULL DEFAULT '',
    version          INTEGER NOT NULL DEFAULT 1,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (round_id, department_id)
);

CREATE INDEX department_reports_round_idx ON department_reports (round_id, region_path text_pattern_ops);

-- Every status change of a project or department report: who, when, from, to, why.
CREATE TABLE report_transitions (
    id            UUID PRIMARY KEY,
    report_id     UUID NOT NULL,
    report_kind   TEXT NOT NULL CHECK (report_kind IN ('project', 'department')),
    from_status   TEXT NOT NULL,
    to_status     TEXT NOT NULL,
    actor_id      UUID,
    actor_name    TEXT,
    comment       TEXT NOT NULL DEFAULT '',
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX report_transitions_report_idx ON report_transitions (report_id, created_at);

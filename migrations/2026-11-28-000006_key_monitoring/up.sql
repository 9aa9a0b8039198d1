-- Key monitoring: inspections of selected projects, findings, opinions, rectification tasks with
-- deadlines, and fund adjustments booked in the budget ledger.

ALTER TABLE budget_ledger DROP CONSTRAINT budget_ledger_kind_check;
ALTER TABLE budget_ledger ADD CONSTRAINT budget_ledger_kind_check
    CHECK (kind IN ('initial', 'correction', 'reduce', 'recover', 'reallocate_out', 'reallocate_in',
                    'increase', 'reversal'));

CREATE TABLE inspections (
    id               UUID PRIMARY KEY,
    project_id       UUID NOT NULL REFERENCES projects (id) ON DELETE RESTRICT,
    round_id         UUID REFERENCES rounds (id) ON DELETE RESTRICT,
    region_id        UUID NOT NULL,
    region_path      TEXT NOT NULL,
    department_path  TEXT NOT NULL,
    status           TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'in_progress', 'concluded')),
    inspector_id     UUID NOT NULL,
    inspector_name   TEXT NOT NULL,
    start_date       DATE,
    end_date         DATE,
    conclusion       TEXT NOT NULL DEFAULT '',
    version          INTEGER NOT NULL DEFAULT 1,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date)
);

CREATE INDEX inspections_scope_idx ON inspections (region_path text_pattern_ops, status);
CREATE INDEX inspections_project_idx ON inspections (project_id);
CREATE INDEX inspections_round_idx ON inspections (round_id);

CREATE TABLE findings (
    id               UUID PRIMARY KEY,
    inspection_id    UUID NOT NULL REFERENCES inspections (id) ON DELETE RESTRICT,
    project_id       UUID NOT NULL REFERENCES projects (id) ON DELETE RESTRICT,
    region_id        UUID NOT NULL,
    region_path      TEXT NOT NULL,
    department_path  TEXT NOT NULL,
    category         TEXT NOT NULL CHECK (category IN ('slow_progress', 'unreasonable_targets',
                         'non_standard_management', 'unclear_objectives', 'idle_funds', 'other')),
    description      TEXT NOT NULL CHECK (length(btrim(description)) > 0),
    severity         TEXT NOT NULL CHECK (severity IN ('low', 'medium', 'high')),
    amount           NUMERIC(18, 2) CHECK (amount >= 0),
    created_by       UUID NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX findings_inspection_idx ON findings (inspection_id);
CREATE INDEX findings_scope_idx ON findings (region_path text_pattern_ops, category);

CREATE TABLE inspection_opinions (
    id             UUID PRIMARY KEY,
    inspection_id  UUID NOT NULL REFERENCES inspections (id) ON DELETE RESTRICT,
    kind           TEXT NOT NULL CHECK (kind IN ('opinion', 'suggestion', 'policy_revision')),
    text           TEXT NOT NULL CHECK (length(btrim(text)) > 0),
    created_by     UUID NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX inspection_opinions_inspection_idx ON inspection_opinions (inspection_id);

CREATE TABLE rectifications (
    id                 UUID PRIMARY KEY,
    finding_id         UUID NOT NULL REFERENCES findings (id) ON DELETE RESTRICT,
    project_id         UUID NOT NULL REFERENCES projects (id) ON DELETE RESTRICT,
    -- The responsible department and the place it lives, for scope.
    department_id      UUID NOT NULL REFERENCES departments (id) ON DELETE RESTRICT,
    region_id          UUID NOT NULL,
    region_path        TEXT NOT NULL,
    department_path    TEXT NOT NULL,
    requirement        TEXT NOT NULL CHECK (length(btrim(requirement)) > 0),
    deadline           DATE NOT NULL,
    warning_days       INTEGER NOT NULL DEFAULT 7 CHECK (warning_days BETWEEN 0 AND 60),
    status             TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'answered', 'accepted')),
    response           TEXT NOT NULL DEFAULT '',
    answered_at        TIMESTAMPTZ,
    accepted_at        TIMESTAMPTZ,
    version            INTEGER NOT NULL DEFAULT 1,
    created_by         UUID NOT NULL,
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at         TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX rectifications_scope_idx ON rectifications (region_path text_pattern_ops, status, deadline);
CREATE INDEX rectifications_department_idx ON rectifications (department_id, status);

CREATE TABLE rectification_events (
    id                UUID PRIMARY KEY,
    rectification_id  UUID NOT NULL REFERENCES rectifications (id) ON DELETE CASCADE,
    from_status       TEXT NOT NULL,
    to_status         TEXT NOT NULL,
    actor_id          UUID NOT NULL,
    actor_name        TEXT NOT NULL,
    comment           TEXT NOT NULL DEFAULT '',
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX rectification_events_idx ON rectification_events (rectification_id, created_at);

CREATE TABLE adjustments (
    id                          UUID PRIMARY KEY,
    project_id                  UUID NOT NULL REFERENCES projects (id) ON DELETE RESTRICT,
    region_id                   UUID NOT NULL,
    region_path                 TEXT NOT NULL,
    department_path             TEXT NOT NULL,
    kind                        TEXT NOT NULL CHECK (kind IN ('reduce', 'recover', 'reallocate',
                                    'suspend', 'stop', 'increase')),
    -- Yuan; none for suspend and stop.
    amount                      NUMERIC(18, 2) CHECK (amount > 0),
    document_number             TEXT NOT NULL CHECK (length(btrim(document_number)) > 0),
    finding_id                  UUID REFERENCES findings (id) ON DELETE RESTRICT,
    report_id                   UUID REFERENCES reports (id) ON DELETE RESTRICT,
    destination_project_id      UUID REFERENCES projects (id) ON DELETE RESTRICT,
    destination_text            TEXT,
    destination_function_class  TEXT,
    -- A compensating adjustment names the one it reverses (each can be reversed once).
    reverses_id                 UUID UNIQUE REFERENCES adjustments (id) ON DELETE RESTRICT,
    note                        TEXT NOT NULL DEFAULT '',
    created_by                  UUID NOT NULL,
    created_by_name             TEXT NOT NULL,
    created_at                  TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK ((kind IN ('suspend', 'stop')) = (amount IS NULL))
);

CREATE INDEX adjustments_scope_idx ON adjustments (region_path text_pattern_ops, kind);
CREATE INDEX adjustments_project_idx ON adjustments (project_id);

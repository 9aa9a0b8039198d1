-- Projects with their fund sources, budget ledger and performance indicators; audit events now
-- keep the entity's JSON before and after each write.

ALTER TABLE audit_events
    ADD COLUMN before JSONB,
    ADD COLUMN after JSONB,
    -- Events about classified entities are hidden from region-scoped readers, like the entities.
    ADD COLUMN classified BOOLEAN NOT NULL DEFAULT false;

CREATE INDEX audit_events_region_time_idx ON audit_events (region_path text_pattern_ops, occurred_at DESC);

CREATE TABLE projects (
    id                UUID PRIMARY KEY,
    department_id     UUID NOT NULL REFERENCES departments (id) ON DELETE RESTRICT,
    region_id         UUID NOT NULL REFERENCES regions (id) ON DELETE RESTRICT,
    -- Copies of the department's (immutable) region path and department path for scoped lists.
    region_path       TEXT NOT NULL,
    department_path   TEXT NOT NULL,
    fiscal_year       SMALLINT NOT NULL CHECK (fiscal_year BETWEEN 2000 AND 2100),
    code              TEXT NOT NULL CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$'),
    name              TEXT NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    -- Expenditure function classification: class (3 digits), section (5) or item (7).
    function_class    TEXT NOT NULL CHECK (function_class ~ '^[0-9]{3}([0-9]{2}){0,2}$'),
    category          TEXT NOT NULL DEFAULT '',
    start_date        DATE,
    end_date          DATE,
    annual_goal       TEXT NOT NULL DEFAULT '',
    fund_central      NUMERIC(18, 2) NOT NULL DEFAULT 0 CHECK (fund_central >= 0),
    fund_provincial   NUMERIC(18, 2) NOT NULL DEFAULT 0 CHECK (fund_provincial >= 0),
    fund_municipal    NUMERIC(18, 2) NOT NULL DEFAULT 0 CHECK (fund_municipal >= 0),
    fund_county       NUMERIC(18, 2) NOT NULL DEFAULT 0 CHECK (fund_county >= 0),
    fund_self_raised  NUMERIC(18, 2) NOT NULL DEFAULT 0 CHECK (fund_self_raised >= 0),
    fund_other        NUMERIC(18, 2) NOT NULL DEFAULT 0 CHECK (fund_other >= 0),
    initial_budget    NUMERIC(18, 2) NOT NULL CHECK (initial_budget >= 0),
    -- The sum of the project's budget ledger, kept by the ledger's trigger; never set directly.
    adjusted_budget   NUMERIC(18, 2) NOT NULL DEFAULT 0 CHECK (adjusted_budget >= 0),
    status            TEXT NOT NULL DEFAULT 'active'
                      CHECK (status IN ('active', 'suspended', 'stopped', 'completed')),
    key_monitoring    BOOLEAN NOT NULL DEFAULT false,
    classified        BOOLEAN NOT NULL DEFAULT false,
    version           INTEGER NOT NULL DEFAULT 1,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (region_id, fiscal_year, code),
    CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date),
    CHECK (fund_central + fund_provincial + fund_municipal + fund_county + fund_self_raised
           + fund_other = initial_budget)
);

CREATE INDEX projects_scope_idx ON projects (fiscal_year, region_path text_pattern_ops);
CREATE INDEX projects_region_path_idx ON projects (region_path text_pattern_ops, code);
CREATE INDEX projects_department_idx ON projects (department_id, fiscal_year);
CREATE INDEX projects_code_idx ON projects (code, id);
CREATE INDEX projects_name_idx ON projects (name, id);
CREATE INDEX projects_budget_idx ON projects (adjusted_budget, id);
CREATE INDEX projects_function_class_idx ON projects (function_class text_pattern_ops);
CREATE INDEX projects_key_monitoring_idx ON projects (fiscal_year) WHERE key_monitoring;

CREATE TABLE budget_ledger (
    id           UUID PRIMARY KEY,
    project_id   UUID NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    kind         TEXT NOT NULL CHECK (kind IN ('initial', 'correction')),
    amount       NUMERIC(18, 2) NOT NULL,
    reason       TEXT NOT NULL DEFAULT '',
    -- What caused the entry, e.g. "import" or "project update".
    reference    TEXT NOT NULL DEFAULT '',
    actor_id     UUID,
    actor_name   TEXT,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX budget_ledger_project_idx ON budget_ledger (project_id, created_at, id);

CREATE FUNCTION budget_ledger_apply() RETURNS trigger AS $$
BEGIN
    UPDATE projects SET adjusted_budget = adjusted_budget + NEW.amount WHERE id = NEW.project_id;
    RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER budget_ledger_apply AFTER INSERT ON budget_ledger
    FOR EACH ROW EXECUTE FUNCTION budget_ledger_apply();

-- The ledger is history: rows are never changed.
CREATE FUNCTION budget_ledger_immutable() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'budget ledger rows cannot be changed';
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER budget_ledger_immutable BEFORE UPDATE ON budget_ledger
    FOR EACH ROW EXECUTE FUNCTION budget_ledger_immutable();

CREATE TABLE indicators (
    id            UUID PRIMARY KEY,
    project_id    UUID NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    level1        TEXT NOT NULL CHECK (level1 IN ('output', 'effect', 'satisfaction')),
    level2        TEXT NOT NULL CHECK (level2 IN ('quantity', 'quality', 'timeliness', 'cost',
                      'economic', 'social', 'ecological', 'sustainability',
                      'beneficiary_satisfaction')),
    name          TEXT NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    comparator    TEXT NOT NULL CHECK (comparator IN ('>=', '>', '=', '<', '<=', 'qualitative')),
    target_value  NUMERIC(20, 4),
    target_text   TEXT,
    unit          TEXT NOT NULL DEFAULT '',
    weight        NUMERIC(5, 2) NOT NULL CHECK (weight > 0 AND weight <= 90),
    accrues       BOOLEAN NOT NULL,
    measurement   TEXT NOT NULL DEFAULT '',
    version       INTEGER NOT NULL DEFAULT 1,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK ((comparator = 'qualitative') = (target_value IS NULL)),
    CHECK (comparator <> 'qualitative' OR target_text IS NOT NULL)
);

CREATE INDEX indicators_project_idx ON indicators (project_id, id);

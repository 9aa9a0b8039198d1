-- What monitoring leads to (issue 19): target adjustments that make versions of a project's
-- indicator set, results application with the measure a rule suggested, and policy revisions
-- that can be counted as revised.

-- The version of the indicator set each project is on and each report monitors. Every project
-- and report written before this migration is on version 1.
ALTER TABLE projects ADD COLUMN indicator_set_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE reports ADD COLUMN indicator_set_version INTEGER NOT NULL DEFAULT 1;

-- A retired indicator leaves the current set but keeps its row: the reports and the versions
-- that monitored it, and the values fed for it, still name it.
ALTER TABLE indicators ADD COLUMN retired_in_version INTEGER;
CREATE INDEX indicators_live_idx ON indicators (project_id) WHERE retired_in_version IS NULL;

CREATE TABLE target_adjustments (
    id                 UUID PRIMARY KEY,
    project_id         UUID NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    region_id          UUID NOT NULL,
    region_path        TEXT NOT NULL,
    department_path    TEXT NOT NULL,
    status             TEXT NOT NULL DEFAULT 'requested'
                           CHECK (status IN ('requested', 'approved', 'rejected')),
    reason             TEXT NOT NULL CHECK (length(btrim(reason)) > 0),
    finding_id         UUID REFERENCES findings (id) ON DELETE RESTRICT,
    report_id          UUID REFERENCES reports (id) ON DELETE RESTRICT,
    -- The requested changes, as the API takes them (change / add / retire).
    changes            JSONB NOT NULL CHECK (jsonb_typeof(changes) = 'array'),
    from_version       INTEGER NOT NULL,
    to_version         INTEGER,
    requested_by       UUID NOT NULL,
    requested_by_name  TEXT NOT NULL,
    decided_by         UUID,
    decided_by_name    TEXT,
    decision_comment   TEXT NOT NULL DEFAULT '',
    decided_at         TIMESTAMPTZ,
    version            INTEGER NOT NULL DEFAULT 1,
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK ((status = 'approved') = (to_version IS NOT NULL)),
    CHECK ((status = 'requested') = (decided_at IS NULL))
);

-- One open request per project; the index is the guarantee under concurrent requests.
CREATE UNIQUE INDEX target_adjustments_open_idx ON target_adjustments (project_id)
    WHERE status = 'requested';
CREATE INDEX target_adjustments_scope_idx
    ON target_adjustments (region_path text_pattern_ops, status, created_at DESC, id DESC);
CREATE INDEX target_adjustments_project_idx ON target_adjustments (project_id, created_at DESC);

-- Each version of a project's indicator set as it was: written when an approval supersedes a
-- version (that one, dated when it began) and for the version the approval makes.
CREATE TABLE indicator_set_versions (
    project_id     UUID NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    version        INTEGER NOT NULL CHECK (version >= 1),
    indicators     JSONB NOT NULL CHECK (jsonb_typeof(indicators) = 'array'),
    adjustment_id  UUID REFERENCES target_adjustments (id) ON DELETE SET NULL,
    valid_from     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (project_id, version)
);

CREATE TABLE result_applications (
    id                        UUID PRIMARY KEY,
    project_id                UUID NOT NULL REFERENCES projects (id) ON DELETE RESTRICT,
    round_id                  UUID NOT NULL REFERENCES rounds (id) ON DELETE RESTRICT,
    report_id                 UUID REFERENCES reports (id) ON DELETE RESTRICT,
    region_id                 UUID NOT NULL,
    region_path               TEXT NOT NULL,
    department_path           TEXT NOT NULL,
    -- Copied from the project so that next year's project of the same code finds it.
    fiscal_year               SMALLINT NOT NULL,
    project_code              TEXT NOT NULL,
    measures                  TEXT[] NOT NULL CHECK (cardinality(measures) > 0 AND measures <@ ARRAY[
                                  'continue', 'rectify', 'adjust_targets', 'reduce_funds',
                                  'recover_funds', 'reallocate_funds', 'suspend_funds',
                                  'stop_funds', 'reduce_next_year_budget',
                                  'raise_next_year_budget', 'revise_policy']::TEXT[]),
    text                      TEXT NOT NULL DEFAULT '',
    -- Yuan by which next year's budget is reduced (negative) or raised (positive).
    next_year_budget_change   NUMERIC(18, 2),
    adjustment_id             UUID REFERENCES adjustments (id) ON DELETE RESTRICT,
    -- What the rules suggested when the decision was recorded, kept beside it.
    suggested_measures        TEXT[] NOT NULL,
    suggested_change_percent  NUMERIC(7, 2),
    suggested_change          NUMERIC(18, 2),
    suggestion_rule           TEXT NOT NULL,
    grade                     TEXT,
    overall_light             TEXT,
    created_by                UUID NOT NULL,
    created_by_name           TEXT NOT NULL,
    version                   INTEGER NOT NULL DEFAULT 1,
    created_at                TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at                TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (project_id, round_id),
    CHECK ((next_year_budget_change IS NOT NULL) =
           ('reduce_next_year_budget' = ANY (measures) OR 'raise_next_year_budget' = ANY (measures))),
    CHECK (NOT ('reduce_next_year_budget' = ANY (measures) AND 'raise_next_year_budget' = ANY (measures))),
    CHECK (next_year_budget_change IS NULL OR next_year_budget_change <> 0),
    CHECK (NOT ('reduce_next_year_budget' = ANY (measures)) OR next_year_budget_change < 0),
    CHECK (NOT ('raise_next_year_budget' = ANY (measures)) OR next_year_budget_change > 0)
);

CREATE INDEX result_applications_scope_idx
    ON result_applications (region_path text_pattern_ops, fiscal_year, created_at DESC, id DESC);
CREATE INDEX result_applications_round_idx ON result_applications (round_id);
CREATE INDEX result_applications_next_year_idx
    ON result_applications (region_id, project_code, fiscal_year)
    WHERE next_year_budget_change IS NOT NULL;

-- The result a project's budget followed: the next-year measure recorded for the project of the
-- same region and code one year earlier. Kept on the project (filled when either is written) so
-- the project's read stays one statement.
ALTER TABLE projects
    ADD COLUMN follows_application_id UUID REFERENCES result_applications (id) ON DELETE SET NULL,
    ADD COLUMN follows_measure TEXT,
    ADD COLUMN follows_amount NUMERIC(18, 2);

CREATE FUNCTION projects_follow_result() RETURNS trigger AS $$
BEGIN
    SELECT ra.id,
           CASE WHEN ra.next_year_budget_change < 0 THEN 'reduce_next_year_budget'
                ELSE 'raise_next_year_budget' END,
           ra.next_year_budget_change
      INTO NEW.follows_application_id, NEW.follows_measure, NEW.follows_amount
      FROM result_applications ra
     WHERE ra.region_id = NEW.region_id AND ra.project_code = NEW.code
       AND ra.fiscal_year = NEW.fiscal_year - 1 AND ra.next_year_budget_change IS NOT NULL
     ORDER BY ra.created_at DESC, ra.id DESC
     LIMIT 1;
    RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER projects_follow_result BEFORE INSERT ON projects
    FOR EACH ROW EXECUTE FUNCTION projects_follow_result();

-- Policy revisions: which policy, and whether the department has revised it.
ALTER TABLE inspection_opinions
    ADD COLUMN policy_name TEXT,
    ADD COLUMN revised BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN revised_at TIMESTAMPTZ,
    ADD COLUMN revision_note TEXT NOT NULL DEFAULT '',
    ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
UPDATE inspection_opinions SET policy_name = left(text, 200) WHERE kind = 'policy_revision';
ALTER TABLE inspection_opinions
    ADD CONSTRAINT inspection_opinions_policy_check
        CHECK ((kind = 'policy_revision') = (policy_name IS NOT NULL)),
    ADD CONSTRAINT inspection_opinions_revised_check
        CHECK ((NOT revised OR kind = 'policy_revision') AND (revised = (revised_at IS NOT NULL)));

-- Early-warning lights and scores: versioned rule overrides per region, each report's lights and
-- scores (in their own table, so lists filter and count by them with indexes), and the history of
-- each project's overall light.

CREATE TABLE warning_rule_sets (
    id               UUID PRIMARY KEY,
    region_id        UUID NOT NULL REFERENCES regions (id) ON DELETE RESTRICT,
    region_path      TEXT NOT NULL,
    -- Increases by one with every change of the region's overrides; all versions are kept.
    version          INTEGER NOT NULL CHECK (version > 0),
    -- {"rules": {key: rule}, "settings": {...} | null}
    overrides        JSONB NOT NULL,
    created_by       UUID,
    created_by_name  TEXT,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (region_id, version)
);

CREATE INDEX warning_rule_sets_path_idx ON warning_rule_sets (region_path, version DESC);

CREATE TABLE report_evaluations (
    report_id           UUID PRIMARY KEY REFERENCES reports (id) ON DELETE CASCADE,
    round_id            UUID NOT NULL,
    light_overall       TEXT NOT NULL,
    light_budget        TEXT NOT NULL,
    light_output        TEXT NOT NULL,
    light_effect        TEXT NOT NULL,
    light_satisfaction  TEXT NOT NULL,
    light_goal          TEXT NOT NULL,
    light_filing        TEXT NOT NULL,
    -- Which rule versions computed the lights, e.g. "default" or "370000:2,370100:1".
    rules_version       TEXT NOT NULL,
    score_total         NUMERIC(7, 2),
    grade               TEXT CHECK (grade IN ('excellent', 'good', 'fair', 'poor')),
    scores              JSONB NOT NULL,
    -- Hash of everything above: a recompute compares it instead of reading the row back.
    -- Explanations are not stored: they are recomputed on read from the report's figures and
    -- the rule versions recorded here, which gives the same result and keeps recomputes cheap.
    digest              TEXT NOT NULL,
    computed_at         TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX report_evaluations_round_light_idx ON report_evaluations (round_id, light_overall);
CREATE INDEX report_evaluations_round_budget_idx ON report_evaluations (round_id, light_budget);

CREATE TABLE project_light_changes (
    id             UUID PRIMARY KEY,
    project_id     UUID NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    report_id      UUID NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    round_id       UUID NOT NULL,
    from_light     TEXT NOT NULL,
    to_light       TEXT NOT NULL,
    reason         TEXT NOT NULL,
    rules_version  TEXT NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX project_light_changes_project_idx ON project_light_changes (project_id, created_at);

-- Measured indicator values from business systems (issue 18): the latest one measured up to a
-- round's cut-off pre-fills the report's actual value (reports::proposals).
CREATE TABLE indicator_values (
    id              UUID PRIMARY KEY,
    indicator_id    UUID NOT NULL REFERENCES indicators (id) ON DELETE CASCADE,
    project_id      UUID NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    -- The project's place, copied as on spending records, so scope filters need no join.
    region_id       UUID NOT NULL REFERENCES regions (id),
    region_path     TEXT NOT NULL,
    department_path TEXT NOT NULL,
    measured_on     DATE NOT NULL,
    value           NUMERIC(20, 4),
    achievement     TEXT CHECK (achievement IN ('achieved', 'partly_achieved', 'not_achieved')),
    source_system   TEXT NOT NULL CHECK (length(btrim(source_system)) BETWEEN 1 AND 100),
    external_ref    TEXT NOT NULL CHECK (length(btrim(external_ref)) BETWEEN 1 AND 200),
    created_by      UUID,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK ((value IS NULL) <> (achievement IS NULL)),
    -- A resent value is recognised by its reference.
    UNIQUE (indicator_id, external_ref)
);

-- The latest value up to a cut-off, per indicator.
CREATE INDEX indicator_values_latest_idx
    ON indicator_values (indicator_id, measured_on DESC, id DESC);
CREATE INDEX indicator_values_project_idx ON indicator_values (project_id);
CREATE INDEX indicator_values_region_idx ON indicator_values (region_path text_pattern_ops, id);

-- Where a pre-filled actual value came from, shown on the report row while it is the system's.
ALTER TABLE report_indicators
    ADD COLUMN actual_source TEXT,
    ADD COLUMN actual_measured_on DATE;

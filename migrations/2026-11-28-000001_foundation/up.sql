-- Support tables every later feature writes to: the audit trail of who changed what, and the
-- stored responses of batch requests sent with an Idempotency-Key.

CREATE TABLE audit_events (
    id            UUID PRIMARY KEY,
    occurred_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- The acting user's id and name as they were at the time; the name survives a user's removal.
    actor_id      UUID,
    actor_name    TEXT,
    action        TEXT NOT NULL CHECK (action <> ''),
    object_type   TEXT NOT NULL CHECK (object_type <> ''),
    object_id     TEXT,
    -- Materialized region path of the object, so scoped readers can filter by subtree.
    region_path   TEXT,
    request_id    TEXT,
    details       JSONB NOT NULL DEFAULT '{}'::jsonb
);

CREATE INDEX audit_events_occurred_at_idx ON audit_events (occurred_at DESC, id DESC);
CREATE INDEX audit_events_object_idx ON audit_events (object_type, object_id);
CREATE INDEX audit_events_actor_idx ON audit_events (actor_id, occurred_at DESC);
CREATE INDEX audit_events_region_path_idx ON audit_events (region_path text_pattern_ops);

CREATE TABLE idempotency_keys (
    -- Keys are per caller: two users may pick the same key without colliding.
    principal      TEXT NOT NULL,
    key            TEXT NOT NULL CHECK (length(key) BETWEEN 1 AND 200),
    method         TEXT NOT NULL,
    path           TEXT NOT NULL,
    -- A replay with the same key but another body is refused, not answered with the old result.
    request_hash   TEXT NOT NULL,
    status_code    SMALLINT,
    response_body  JSONB,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    completed_at   TIMESTAMPTZ,
    PRIMARY KEY (principal, key)
);

CREATE INDEX idempotency_keys_created_at_idx ON idempotency_keys (created_at);

-- The change feed (GET /changes): each audit event carries the id of the transaction that wrote
-- it. A reader returns only events of transactions below its snapshot's xmin, every one of
-- which has ended, so a transaction that commits late can never be overtaken by a cursor: its
-- events are held back until it has committed, then come in (txid, id) order.
ALTER TABLE audit_events ADD COLUMN txid BIGINT;
UPDATE audit_events SET txid = 0;
ALTER TABLE audit_events
    ALTER COLUMN txid SET NOT NULL,
    ALTER COLUMN txid SET DEFAULT (pg_current_xact_id()::text::bigint);
CREATE INDEX audit_events_feed_idx ON audit_events (txid, id);

DROP INDEX audit_events_feed_idx;
ALTER TABLE audit_events DROP COLUMN txid;

DROP TABLE indicators;
DROP TRIGGER budget_ledger_immutable ON budget_ledger;
DROP TRIGGER budget_ledger_apply ON budget_ledger;
DROP TABLE budget_ledger;
DROP FUNCTION budget_ledger_immutable();
DROP FUNCTION budget_ledger_apply();
DROP TABLE projects;
DROP INDEX audit_events_region_time_idx;
ALTER TABLE audit_events
    DROP COLUMN classified,
    DROP COLUMN after,
    DROP COLUMN before;

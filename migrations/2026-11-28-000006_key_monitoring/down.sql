DROP TABLE adjustments;
DROP TABLE rectification_events;
DROP TABLE rectifications;
DROP TABLE inspection_opinions;
DROP TABLE findings;
DROP TABLE inspections;
ALTER TABLE budget_ledger DROP CONSTRAINT budget_ledger_kind_check;
ALTER TABLE budget_ledger ADD CONSTRAINT budget_ledger_kind_check CHECK (kind IN ('initial', 'correction'));

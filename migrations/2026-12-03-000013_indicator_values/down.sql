ALTER TABLE report_indicators DROP COLUMN actual_source, DROP COLUMN actual_measured_on;
DROP TABLE indicator_values;

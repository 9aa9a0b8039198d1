DROP TABLE report_transitions;
DROP TABLE department_reports;
DROP TABLE report_indicators;
DROP TABLE reports;
DROP TABLE rounds;
DROP TABLE execution_records;

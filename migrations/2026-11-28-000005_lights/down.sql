DROP TABLE project_light_changes;
DROP TABLE report_evaluations;
DROP TABLE warning_rule_sets;

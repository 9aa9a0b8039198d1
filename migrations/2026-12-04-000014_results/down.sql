ALTER TABLE inspection_opinions
    DROP CONSTRAINT inspection_opinions_policy_check,
    DROP CONSTRAINT inspection_opinions_revised_check,
    DROP COLUMN policy_name, DROP COLUMN revised, DROP COLUMN revised_at,
    DROP COLUMN revision_note, DROP COLUMN version;
DROP TRIGGER projects_follow_result ON projects;
DROP FUNCTION projects_follow_result();
ALTER TABLE projects DROP COLUMN follows_application_id, DROP COLUMN follows_measure,
    DROP COLUMN follows_amount;
DROP TABLE result_applications;
DROP TABLE indicator_set_versions;
DROP TABLE target_adjustments;
DROP INDEX indicators_live_idx;
ALTER TABLE indicators DROP COLUMN retired_in_version;
ALTER TABLE reports DROP COLUMN indicator_set_version;
ALTER TABLE projects DROP COLUMN indicator_set_version;

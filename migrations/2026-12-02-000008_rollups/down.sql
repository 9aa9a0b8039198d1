DO $$
DECLARE
    t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['projects', 'reports', 'inspections', 'findings', 'rectifications',
                             'adjustments', 'report_evaluations', 'report_indicators',
                             'report_transitions', 'inspection_opinions']
    LOOP
        EXECUTE format('DROP TRIGGER IF EXISTS %I ON %I', t || '_rollup_ins', t);
        EXECUTE format('DROP TRIGGER IF EXISTS %I ON %I', t || '_rollup_upd', t);
        EXECUTE format('DROP TRIGGER IF EXISTS %I ON %I', t || '_rollup_del', t);
    END LOOP;
END
$$;
DROP TRIGGER IF EXISTS departments_rollup_upd ON departments;
DROP TABLE stat_rollup_pending;
DROP FUNCTION stat_rollup_mark_department();
DROP FUNCTION stat_rollup_mark_indicator_row();
DROP FUNCTION stat_rollup_mark_by_inspection();
DROP FUNCTION stat_rollup_mark_by_report();
DROP FUNCTION stat_rollup_mark_by_project();
DROP FUNCTION stat_rollup_mark_projects();
DROP FUNCTION stat_rollup_flush();
DROP FUNCTION stat_rollup_mark(UUID[]);
DROP FUNCTION stat_rollup_lock(UUID, SMALLINT);
DROP FUNCTION stat_department_refresh(UUID, SMALLINT);
DROP FUNCTION stat_department_apply(stat_project_rollups[], stat_project_rollups[]);
DROP FUNCTION stat_rectification_refresh(UUID, SMALLINT);
DROP FUNCTION stat_project_refresh(UUID[]);
DROP FUNCTION stat_rectification_rows(UUID, SMALLINT);
DROP FUNCTION stat_department_rows(UUID, SMALLINT);
DROP FUNCTION stat_project_rows(UUID[]);
DROP TABLE stat_rectification_rollups;
DROP TABLE stat_rollups;
DROP TABLE stat_project_rollups;

DROP INDEX IF EXISTS reports_department_scope_idx;
DROP INDEX IF EXISTS execution_records_department_scope_idx;
DROP INDEX IF EXISTS projects_inactive_status_idx;
DROP INDEX IF EXISTS projects_department_scope_idx;

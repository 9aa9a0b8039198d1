-- Visibility from the current classified flags (issue 14): what hangs off a secret-related
-- project or department is hidden from region scopes however long it existed before the flag
-- was set. These two views are the one definition of "secret-related"; src/auth/scope.rs is
-- the one place that applies them.

-- Projects that are classified themselves or belong to a classified department (units of a
-- classified department are classified with it). Small: partial indexes keep it cheap.
CREATE INDEX projects_classified_idx ON projects (id) WHERE classified;
CREATE INDEX departments_classified_idx ON departments (id) WHERE classified;

CREATE VIEW classified_departments AS
    SELECT id FROM departments WHERE classified;

CREATE VIEW hidden_projects AS
    SELECT id FROM projects WHERE classified
    UNION ALL
    SELECT p.id FROM projects p
     WHERE NOT p.classified
       AND p.department_id = ANY (ARRAY(SELECT id FROM classified_departments));

-- Audit events name the project and department they are about, so their visibility follows the
-- current flags too. `classified` stays: it records that the entity was secret when the event
-- was written, which still hides events of a since-deleted project.
ALTER TABLE audit_events
    ADD COLUMN project_id UUID,
    ADD COLUMN related_project_id UUID,
    ADD COLUMN department_id UUID;

CREATE FUNCTION pg_temp.as_uuid(value TEXT) RETURNS UUID AS $$
    SELECT CASE WHEN value ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
                THEN value::uuid END
$$ LANGUAGE sql IMMUTABLE;

UPDATE audit_events e SET project_id = CASE e.object_type
        WHEN 'project' THEN pg_temp.as_uuid(e.object_id)
        WHEN 'report' THEN (SELECT project_id FROM reports WHERE id = pg_temp.as_uuid(e.object_id))
        WHEN 'indicator' THEN (SELECT project_id FROM indicators WHERE id = pg_temp.as_uuid(e.object_id))
        WHEN 'inspection' THEN (SELECT project_id FROM inspections WHERE id = pg_temp.as_uuid(e.object_id))
        WHEN 'finding' THEN (SELECT project_id FROM findings WHERE id = pg_temp.as_uuid(e.object_id))
        WHEN 'opinion' THEN (SELECT i.project_id FROM inspection_opinions o
                               JOIN inspections i ON i.id = o.inspection_id
                              WHERE o.id = pg_temp.as_uuid(e.object_id))
        WHEN 'rectification' THEN (SELECT project_id FROM rectifications WHERE id = pg_temp.as_uuid(e.object_id))
        WHEN 'adjustment' THEN (SELECT project_id FROM adjustments WHERE id = pg_temp.as_uuid(e.object_id))
        WHEN 'execution_record' THEN (SELECT project_id FROM execution_records WHERE id = pg_temp.as_uuid(e.object_id))
    END
 WHERE e.object_type IN ('project', 'report', 'indicator', 'inspection', 'finding', 'opinion',
                         'rectification', 'adjustment', 'execution_record');

-- Entities deleted since (indicators, projects) still name their project in the event.
UPDATE audit_events e SET project_id = coalesce(pg_temp.as_uuid(e.after ->> 'project_id'),
                                                pg_temp.as_uuid(e.before ->> 'project_id'),
                                                pg_temp.as_uuid(e.details ->> 'project_id'))
 WHERE e.project_id IS NULL
   AND e.object_type IN ('report', 'indicator', 'inspection', 'finding', 'opinion',
                         'rectification', 'adjustment', 'execution_record');

UPDATE audit_events e SET related_project_id = a.destination_project_id
  FROM adjustments a
 WHERE e.object_type = 'adjustment' AND a.id = pg_temp.as_uuid(e.object_id);

UPDATE audit_events e SET department_id = CASE e.object_type
        WHEN 'department' THEN pg_temp.as_uuid(e.object_id)
        WHEN 'department_report' THEN (SELECT department_id FROM department_reports
                                        WHERE id = pg_temp.as_uuid(e.object_id))
        WHEN 'user' THEN coalesce((SELECT department_id FROM users WHERE id = pg_temp.as_uuid(e.object_id)),
                                  pg_temp.as_uuid(e.after ->> 'department_id'),
                                  pg_temp.as_uuid(e.before ->> 'department_id'))
        ELSE coalesce((SELECT department_id FROM projects WHERE id = e.project_id),
                      pg_temp.as_uuid(e.after ->> 'department_id'),
                      pg_temp.as_uuid(e.before ->> 'department_id'))
    END
 WHERE e.object_type IN ('department', 'department_report', 'user') OR e.project_id IS NOT NULL;

CREATE INDEX audit_events_project_idx ON audit_events (project_id, occurred_at DESC, id DESC)
    WHERE project_id IS NOT NULL;
CREATE INDEX audit_events_department_idx ON audit_events (department_id, occurred_at DESC, id DESC)
    WHERE department_id IS NOT NULL;

-- A ledger entry booked by a fund adjustment names the adjustment and the other project of a
-- reallocation, so a reader who may not see that project is not told its code or id.
ALTER TABLE budget_ledger
    ADD COLUMN adjustment_id UUID REFERENCES adjustments (id) ON DELETE RESTRICT,
    ADD COLUMN counterpart_project_id UUID;

ALTER TABLE budget_ledger DISABLE TRIGGER budget_ledger_immutable;
UPDATE budget_ledger l
   SET adjustment_id = a.id,
       counterpart_project_id = CASE WHEN l.project_id = a.destination_project_id THEN a.project_id
                                     ELSE a.destination_project_id END
  FROM adjustments a
 WHERE a.id = pg_temp.as_uuid(substring(l.reference FROM '^adjustment ([0-9a-fA-F-]{36})'));
ALTER TABLE budget_ledger ENABLE TRIGGER budget_ledger_immutable;

-- Lists filter these by project.
CREATE INDEX findings_project_idx ON findings (project_id);
CREATE INDEX rectifications_project_idx ON rectifications (project_id);
CREATE INDEX adjustments_destination_idx ON adjustments (destination_project_id)
    WHERE destination_project_id IS NOT NULL;

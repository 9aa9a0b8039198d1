-- Brings back the function of 2026-12-02-000010_caller_check.
CREATE FUNCTION caller_check(p_user UUID, p_version INT, p_role TEXT, p_region UUID, p_department UUID)
RETURNS VOID
LANGUAGE plpgsql STABLE
AS $$
BEGIN
    PERFORM 1 FROM users
     WHERE id = p_user
       AND active
       AND token_version = p_version
       AND role = p_role
       AND region_id IS NOT DISTINCT FROM p_region
       AND department_id IS NOT DISTINCT FROM p_department;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'caller_check: the access token is no longer valid'
            USING ERRCODE = '28000';
    END IF;
END
$$;

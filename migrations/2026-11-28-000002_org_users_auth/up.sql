-- Regions, departments, users and sessions: the scope every later table is filtered by.

CREATE TABLE regions (
    id          UUID PRIMARY KEY,
    code        TEXT NOT NULL UNIQUE CHECK (code ~ '^[1-9][0-9]{5}$'),
    name        TEXT NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 100),
    level       TEXT NOT NULL CHECK (level IN ('province', 'city', 'county')),
    parent_id   UUID REFERENCES regions (id) ON DELETE RESTRICT,
    -- Materialized path of codes ("370000/370100/"): subtree = prefix match on an index. Codes
    -- and parents never change, so paths never need rewriting.
    path        TEXT NOT NULL UNIQUE,
    version     INTEGER NOT NULL DEFAULT 1,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK ((level = 'province') = (parent_id IS NULL))
);

CREATE INDEX regions_path_idx ON regions (path text_pattern_ops);
CREATE INDEX regions_parent_idx ON regions (parent_id);
CREATE INDEX regions_name_idx ON regions (name);

CREATE TABLE departments (
    id           UUID PRIMARY KEY,
    region_id    UUID NOT NULL REFERENCES regions (id) ON DELETE RESTRICT,
    -- Copy of the region's (immutable) path so subtree filters need no join.
    region_path  TEXT NOT NULL,
    code         TEXT NOT NULL CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$'),
    name         TEXT NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    parent_id    UUID REFERENCES departments (id) ON DELETE RESTRICT,
    -- Materialized path of department codes within the region ("KJT/KJT-01/").
    path         TEXT NOT NULL,
    classified   BOOLEAN NOT NULL DEFAULT false,
    active       BOOLEAN NOT NULL DEFAULT true,
    version      INTEGER NOT NULL DEFAULT 1,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (region_id, code),
    UNIQUE (region_id, path)
);

CREATE INDEX departments_region_path_idx ON departments (region_path text_pattern_ops, code);
CREATE INDEX departments_dept_path_idx ON departments (region_id, path text_pattern_ops);
CREATE INDEX departments_parent_idx ON departments (parent_id);
CREATE INDEX departments_name_idx ON departments (name);

CREATE TABLE users (
    id                UUID PRIMARY KEY,
    username          TEXT NOT NULL CHECK (username ~ '^[A-Za-z0-9][A-Za-z0-9_.@-]{2,63}$'),
    display_name      TEXT NOT NULL DEFAULT '',
    email             TEXT,
    phone             TEXT,
    password_hash     TEXT NOT NULL,
    role              TEXT NOT NULL
                      CHECK (role IN ('admin', 'finance_officer', 'auditor', 'department_officer')),
    region_id         UUID REFERENCES regions (id) ON DELETE RESTRICT,
    department_id     UUID REFERENCES departments (id) ON DELETE RESTRICT,
    -- Region path of the user's region, or of its department's region: scoped readers filter on it.
    scope_path        TEXT,
    active            BOOLEAN NOT NULL DEFAULT true,
    -- Bumped when the user is deactivated, changes password or role: older access tokens die.
    token_version     INTEGER NOT NULL DEFAULT 1,
    version           INTEGER NOT NULL DEFAULT 1,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (
        (role = 'admin' AND region_id IS NULL AND department_id IS NULL)
        OR (role IN ('finance_officer', 'auditor') AND region_id IS NOT NULL AND department_id IS NULL)
        OR (role = 'department_officer' AND region_id IS NULL AND department_id IS NOT NULL)
    )
);

CREATE UNIQUE INDEX users_username_lower_idx ON users (lower(username));
CREATE INDEX users_scope_path_idx ON users (scope_path text_pattern_ops);
CREATE INDEX users_department_idx ON users (department_id);
CREATE INDEX users_region_idx ON users (region_id);

CREATE TABLE refresh_tokens (
    id           UUID PRIMARY KEY,
    user_id      UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- All tokens descended from one login; reuse of a rotated token revokes the family.
    family_id    UUID NOT NULL,
    token_hash   TEXT NOT NULL UNIQUE,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at   TIMESTAMPTZ NOT NULL,
    rotated_at   TIMESTAMPTZ,
    revoked_at   TIMESTAMPTZ
);

CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user_idx ON refresh_tokens (user_id);

-- Failed logins per username, kept in the database so a lockout holds across instances.
CREATE TABLE login_throttle (
    username_key  TEXT PRIMARY KEY,
    failures      INTEGER NOT NULL,
    window_start  TIMESTAMPTZ NOT NULL,
    locked_until  TIMESTAMPTZ
);

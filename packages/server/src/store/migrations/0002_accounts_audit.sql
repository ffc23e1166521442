-- Accounts, workspaces' members, sessions, API keys and the audit log.
-- users are global (one person can belong to several workspaces); everything else starts with workspace_id,
-- except sessions, which belong to a user and carry the workspace they currently act in.

-- Slugs: lowercase letters, digits and hyphens, 2-40 characters (NOT VALID: earlier databases keep theirs).
ALTER TABLE workspaces ADD CONSTRAINT workspaces_slug_format CHECK (slug ~ '^[a-z0-9][a-z0-9-]{1,39}$') NOT VALID;

CREATE TABLE users (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email         text NOT NULL,
  name          text NOT NULL,
  locale        text NOT NULL DEFAULT 'en' CHECK (locale IN ('en', 'zh-CN')),
  password_hash text NOT NULL,
  password_changed_at timestamptz NOT NULL DEFAULT now(),
  -- Where sign-in lands: the workspace the person last switched to (or was given first).
  last_workspace_id bigint REFERENCES workspaces(id) ON DELETE SET NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_key ON users (lower(email));

CREATE TABLE memberships (
  workspace_id bigint NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  user_id      bigint NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  role         text NOT NULL CHECK (role IN ('owner', 'admin', 'marketer', 'analyst', 'agent', 'viewer')),
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, user_id)
);
CREATE INDEX memberships_user_idx ON memberships (user_id);

-- A session is found by the SHA-256 of its cookie token (the token itself is never stored).
CREATE TABLE sessions (
  token_hash   text PRIMARY KEY,
  user_id      bigint NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  workspace_id bigint NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  csrf_token   text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL,
  ip           text
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

-- Failed sign-ins per e-mail address, whether or not an account has it (so lockout says nothing about
-- which addresses exist).
CREATE TABLE login_throttle (
  email_key    text PRIMARY KEY,
  failures     integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  last_failure_at timestamptz NOT NULL DEFAULT now()
);

-- API keys: `rk_<prefix>_<secret>`; only the SHA-256 of the whole key is kept (keys are 192-bit random,
-- so a fast hash is safe, unlike passwords).
CREATE TABLE api_keys (
  workspace_id bigint NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  id           bigint GENERATED ALWAYS AS IDENTITY,
  name         text NOT NULL,
  prefix       text NOT NULL,
  key_hash     text NOT NULL UNIQUE,
  role         text NOT NULL CHECK (role IN ('owner', 'admin', 'marketer', 'analyst', 'agent', 'viewer')),
  created_by   text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz,
  revoked_at   timestamptz,
  last_used_at timestamptz,
  PRIMARY KEY (workspace_id, id)
);

-- Append-only: the trigger below refuses UPDATE and DELETE (a workspace's deletion cascades, as for consents).
CREATE TABLE audit_log (
  workspace_id bigint NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  id           bigint GENERATED ALWAYS AS IDENTITY,
  at           timestamptz NOT NULL DEFAULT now(),
  actor_kind   text NOT NULL CHECK (actor_kind IN ('user', 'api_key', 'system', 'anonymous')),
  actor_id     bigint,
  actor_label  text NOT NULL,
  action       text NOT NULL,
  entity       text NOT NULL,
  entity_id    text,
  changes      jsonb,
  request_id   text,
  ip           text,
  PRIMARY KEY (workspace_id, id)
);
CREATE INDEX audit_log_time_idx ON audit_log (workspace_id, at DESC);
CREATE INDEX audit_log_entity_idx ON audit_log (workspace_id, entity, entity_id);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND pg_trigger_depth() > 1 THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'the audit log is append-only: % is not allowed', TG_OP USING ERRCODE = 'check_violation';
END $$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

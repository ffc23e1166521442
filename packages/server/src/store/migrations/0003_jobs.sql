-- Background jobs. `jobs` is what the API shows (kind, state, progress, timings, error); both queue drivers
-- keep it up to date, so listing and inspecting jobs is the same SQL on PGlite and PostgreSQL. On PGlite
-- the in-process driver also claims its work from here; on PostgreSQL pg-boss delivers and this row mirrors.

CREATE TABLE jobs (
  workspace_id        bigint NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  id                  text NOT NULL,
  -- Order of creation, for listing newest first with a stable cursor.
  seq                 bigint GENERATED ALWAYS AS IDENTITY,
  kind                text NOT NULL,
  state               text NOT NULL DEFAULT 'queued'
                      CHECK (state IN ('queued', 'active', 'completed', 'failed', 'cancelled')),
  progress            double precision NOT NULL DEFAULT 0 CHECK (progress >= 0 AND progress <= 1),
  message             text,
  payload             jsonb NOT NULL DEFAULT '{}',
  result              jsonb,
  error               text,
  attempts            integer NOT NULL DEFAULT 0,
  retry_limit         integer NOT NULL DEFAULT 2,
  retry_delay_seconds integer NOT NULL DEFAULT 0,
  -- Earliest time the job may (re)start: startAfter, then the backoff after a failed attempt.
  run_after           timestamptz NOT NULL DEFAULT now(),
  actor_label         text NOT NULL,
  unique_key          text,
  created_at          timestamptz NOT NULL DEFAULT now(),
  started_at          timestamptz,
  finished_at         timestamptz,
  PRIMARY KEY (workspace_id, id)
);
CREATE INDEX jobs_list_idx ON jobs (workspace_id, seq);
CREATE INDEX jobs_due_idx ON jobs (run_after) WHERE state = 'queued';
-- A unique key names at most one job that is still waiting or running.
CREATE UNIQUE INDEX jobs_unique_key_idx ON jobs (workspace_id, kind, unique_key)
  WHERE unique_key IS NOT NULL AND state IN ('queued', 'active');

-- Cron schedules. Names are global (as in pg-boss): schedule() under an existing name replaces it. Every
-- process ticks; the conditional update of last_fired_at lets exactly one of them fire a given tick.
CREATE TABLE job_schedules (
  workspace_id  bigint NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  name          text NOT NULL,
  cron          text NOT NULL,
  kind          text NOT NULL,
  payload       jsonb NOT NULL DEFAULT '{}',
  options       jsonb NOT NULL DEFAULT '{}',
  last_fired_at timestamptz,
  created_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, name)
);

-- Segments: audiences defined by a condition tree (domain/segment-tree.ts), with their membership history.

-- Calendar conditions ("since 2026-01-01", birthdays) are read in the workspace's time zone (IANA name).
ALTER TABLE workspaces ADD COLUMN time_zone text NOT NULL DEFAULT 'UTC';

-- kind: dynamic (refreshed on a schedule and on demand) or static (a snapshot taken when refreshed by hand).
-- version counts tree changes; members record the version that let them in.
CREATE TABLE segments (
  workspace_id        bigint NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  id                  bigint GENERATED ALWAYS AS IDENTITY,
  name                text NOT NULL,
  description         text,
  kind                text NOT NULL CHECK (kind IN ('dynamic', 'static')),
  tree                jsonb NOT NULL,
  version             integer NOT NULL DEFAULT 1,
  refresh_every_hours integer CHECK (refresh_every_hours IN (1, 2, 3, 4, 6, 8, 12, 24)),
  member_count        integer,
  refreshed_at        timestamptz,
  refresh_job_id      text,
  created_by          text NOT NULL,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, id),
  UNIQUE (workspace_id, name)
);

-- One row per stay of a customer in a segment: entered_at, and exited_at once a refresh no longer finds them.
-- "Was X in S on D" is a row with entered_at <= D < coalesce(exited_at, infinity); growth per day counts the
-- rows entered and exited that day.
CREATE TABLE segment_members (
  workspace_id    bigint NOT NULL,
  id              bigint GENERATED ALWAYS AS IDENTITY,
  segment_id      bigint NOT NULL,
  customer_id     bigint NOT NULL,
  segment_version integer NOT NULL,
  entered_at      timestamptz NOT NULL,
  exited_at       timestamptz,
  PRIMARY KEY (workspace_id, id),
  FOREIGN KEY (workspace_id, segment_id) REFERENCES segments (workspace_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, customer_id) REFERENCES customers (workspace_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX segment_members_open_idx ON segment_members (workspace_id, segment_id, customer_id) WHERE exited_at IS NULL;
CREATE INDEX segment_members_customer_idx ON segment_members (workspace_id, customer_id, entered_at);
CREATE INDEX segment_members_entered_idx ON segment_members (workspace_id, segment_id, entered_at);
CREATE INDEX segment_members_exited_idx ON segment_members (workspace_id, segment_id, exited_at) WHERE exited_at IS NOT NULL;

-- A typed attribute of date type whose text is not a date reads as missing instead of failing the query.
CREATE FUNCTION rapport_try_date(s text) RETURNS date LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  IF s IS NULL OR s !~ '^\d{4}-\d{2}-\d{2}' THEN
    RETURN NULL;
  END IF;
  RETURN substr(s, 1, 10)::date;
EXCEPTION WHEN others THEN
  RETURN NULL;
END $$;

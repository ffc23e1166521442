-- Service levels: each workspace's business hours, holidays and targets per priority; each conversation's
-- first-response and resolution deadlines (in business time, from when it was opened).
CREATE TABLE desk_settings (
  workspace_id   bigint PRIMARY KEY REFERENCES workspaces(id) ON DELETE CASCADE,
  -- {"week": {"mon": [["09:00", "18:00"]], …}, "holidays": ["2026-10-01", …]} in the workspace's time zone.
  business_hours jsonb NOT NULL,
  -- {"first_response_minutes": {"urgent": 60, …}, "resolution_minutes": {…}, "warn_minutes": 60} (business minutes).
  sla            jsonb NOT NULL,
  updated_at     timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE conversations ADD COLUMN first_response_due_at timestamptz;
ALTER TABLE conversations ADD COLUMN resolution_due_at timestamptz;
CREATE INDEX conversations_first_due_idx ON conversations (workspace_id, first_response_due_at, ticket_id) WHERE unfinished AND first_response_at IS NULL;
CREATE INDEX conversations_resolution_due_idx ON conversations (workspace_id, resolution_due_at, ticket_id) WHERE unfinished;

-- Satisfaction (CSAT): asked when a conversation is solved, through a signed link; answered once (1–5 and a comment).
CREATE TABLE desk_csat (
  workspace_id bigint NOT NULL,
  ticket_id    bigint NOT NULL,
  requested_at timestamptz NOT NULL DEFAULT now(),
  -- queued (the e-mail is on its way), sent, failed (delivery_error), or link_only (no e-mail: the link is shown elsewhere).
  delivery     text NOT NULL DEFAULT 'queued' CHECK (delivery IN ('queued', 'sent', 'failed', 'link_only')),
  delivery_error text,
  rating       smallint CHECK (rating BETWEEN 1 AND 5),
  comment      text CHECK (length(comment) <= 2000),
  answered_at  timestamptz,
  PRIMARY KEY (workspace_id, ticket_id),
  FOREIGN KEY (workspace_id, ticket_id) REFERENCES tickets (workspace_id, id) ON DELETE CASCADE
);

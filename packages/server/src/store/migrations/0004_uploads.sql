-- Files uploaded through the API for an import job. Kept in the database (not on a local disk) so that any
-- `rapport worker` process, on any machine, can read the file its job names; deleted when the job ends.
CREATE TABLE uploads (
  workspace_id bigint NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  id           uuid NOT NULL,
  file_name    text NOT NULL,
  bytes        bytea NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, id)
);

-- Uploads arrive as a stream (up to 1 GiB): their bytes are written as they come, in chunks of at most a
-- few MiB, instead of one bytea row held in memory. An upload is `complete` once its whole body arrived;
-- only then is its import job queued. Incomplete ones (a client that went away, a process killed
-- mid-upload) are deleted by the API server at start-up (see services/jobs/upload-store.ts).
CREATE TABLE upload_chunks (
  workspace_id bigint NOT NULL,
  upload_id    uuid NOT NULL,
  seq          integer NOT NULL,
  bytes        bytea NOT NULL,
  PRIMARY KEY (workspace_id, upload_id, seq),
  FOREIGN KEY (workspace_id, upload_id) REFERENCES uploads (workspace_id, id) ON DELETE CASCADE
);

-- Uploads of the previous format (one bytea each) become one chunk, so jobs queued before this migration
-- still find their file.
INSERT INTO upload_chunks (workspace_id, upload_id, seq, bytes) SELECT workspace_id, id, 0, bytes FROM uploads;
ALTER TABLE uploads ADD COLUMN bytes_total bigint NOT NULL DEFAULT 0;
UPDATE uploads SET bytes_total = length(bytes);
ALTER TABLE uploads DROP COLUMN bytes;
-- Existing rows were whole files; new ones start incomplete.
ALTER TABLE uploads ADD COLUMN complete boolean NOT NULL DEFAULT true;
ALTER TABLE uploads ALTER COLUMN complete SET DEFAULT false;
-- When the last chunk arrived: an incomplete upload idle for long is abandoned.
ALTER TABLE uploads ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
CREATE INDEX uploads_incomplete_idx ON uploads (updated_at) WHERE NOT complete;

-- The rejected rows of an import job (`line,column,reason` CSV, in chunks), for GET /api/v1/jobs/:id/rejects:
-- every error, not only the first ones kept in the job's result. Deleted with the job.
CREATE TABLE job_rejects (
  workspace_id bigint NOT NULL,
  job_id       text NOT NULL,
  seq          integer NOT NULL,
  bytes        bytea NOT NULL,
  PRIMARY KEY (workspace_id, job_id, seq),
  FOREIGN KEY (workspace_id, job_id) REFERENCES jobs (workspace_id, id) ON DELETE CASCADE
);

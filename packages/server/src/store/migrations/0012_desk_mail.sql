-- The desk's e-mail: replies sent to customers and every message received by the inbound listener.

-- delivery: how an agent's reply on an e-mail conversation left (queued → sent | failed with the error).
-- in_reply_to: the Message-ID this message answered (threading both ways).
ALTER TABLE ticket_messages ADD COLUMN delivery text CHECK (delivery IN ('queued', 'sent', 'failed'));
ALTER TABLE ticket_messages ADD COLUMN delivery_error text;
ALTER TABLE ticket_messages ADD COLUMN in_reply_to text;

-- Every message the inbound listener accepted, raw, with what became of it: the conversation and message it
-- went to, or why it could not be read (malformed MIME is kept here, never lost).
CREATE TABLE desk_inbound_mail (
  workspace_id bigint NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  id           bigint GENERATED ALWAYS AS IDENTITY,
  received_at  timestamptz NOT NULL DEFAULT now(),
  mail_from    text NOT NULL,
  rcpt_to      text NOT NULL,
  size         integer NOT NULL,
  raw          bytea NOT NULL,
  ticket_id    bigint,
  message_id   bigint,
  error        text,
  PRIMARY KEY (workspace_id, id)
);
CREATE INDEX desk_inbound_mail_errors_idx ON desk_inbound_mail (workspace_id, received_at) WHERE error IS NOT NULL;

-- The service desk: every ticket is a conversation with messages, desk state (triage labels, team, assignee,
-- response times) and the teams and agents who answer it.

-- A ticket nobody has looked at yet is `new`.
ALTER TABLE tickets DROP CONSTRAINT tickets_status_check;
ALTER TABLE tickets ADD CONSTRAINT tickets_status_check CHECK (status IN ('new', 'open', 'pending', 'solved', 'closed'));
-- The inbox lists unfinished conversations; finished ones are most of the table.
CREATE INDEX tickets_unfinished_idx ON tickets (workspace_id, opened_at) WHERE status IN ('new', 'open', 'pending');

-- assignment: least_open (the online member with the fewest unfinished conversations under capacity),
-- round_robin (the next online member after the last one given a conversation), manual (nobody is picked).
CREATE TABLE desk_teams (
  workspace_id     bigint NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  id               bigint GENERATED ALWAYS AS IDENTITY,
  name             text NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
  assignment       text NOT NULL DEFAULT 'least_open' CHECK (assignment IN ('least_open', 'round_robin', 'manual')),
  last_assigned_id bigint,
  created_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, id),
  UNIQUE (workspace_id, name)
);

CREATE TABLE desk_team_members (
  workspace_id bigint NOT NULL,
  team_id      bigint NOT NULL,
  user_id      bigint NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  PRIMARY KEY (workspace_id, team_id, user_id),
  FOREIGN KEY (workspace_id, team_id) REFERENCES desk_teams (workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX desk_team_members_user_idx ON desk_team_members (workspace_id, user_id);

-- An agent's availability: only online agents are given conversations, at most `capacity` unfinished ones.
CREATE TABLE desk_agents (
  workspace_id bigint NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  user_id      bigint NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  presence     text NOT NULL DEFAULT 'away' CHECK (presence IN ('online', 'away')),
  capacity     integer NOT NULL DEFAULT 10 CHECK (capacity BETWEEN 0 AND 1000),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, user_id)
);

-- Routing: the first rule (by position) whose conditions all hold picks the team. An empty list matches anything.
CREATE TABLE desk_routing_rules (
  workspace_id bigint NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  id           bigint GENERATED ALWAYS AS IDENTITY,
  position     integer NOT NULL,
  intents      text[] NOT NULL DEFAULT '{}',
  languages    text[] NOT NULL DEFAULT '{}',
  channels     text[] NOT NULL DEFAULT '{}',
  vip_only     boolean NOT NULL DEFAULT false,
  team_id      bigint NOT NULL,
  PRIMARY KEY (workspace_id, id),
  FOREIGN KEY (workspace_id, team_id) REFERENCES desk_teams (workspace_id, id) ON DELETE CASCADE
);

-- One row per ticket. triage_state: pending (not triaged yet), done, needs_triage (a label's confidence was too
-- low, or triage failed: `triage.error`), skipped (a ticket that arrived finished, e.g. imported history).
-- intent_source: model (the triage's label) or agent (set or corrected by a person: training data).
-- waiting_since: the customer's oldest message not yet answered (null when answered).
CREATE TABLE conversations (
  workspace_id         bigint NOT NULL,
  ticket_id            bigint NOT NULL,
  team_id              bigint,
  assignee_id          bigint REFERENCES users(id) ON DELETE SET NULL,
  tags                 text[] NOT NULL DEFAULT '{}',
  language             text,
  intent               text,
  intent_confidence    double precision CHECK (intent_confidence >= 0 AND intent_confidence <= 1),
  intent_source        text CHECK (intent_source IN ('model', 'agent')),
  sentiment            text CHECK (sentiment IN ('positive', 'neutral', 'negative')),
  sentiment_confidence double precision CHECK (sentiment_confidence >= 0 AND sentiment_confidence <= 1),
  suggested_priority   text CHECK (suggested_priority IN ('low', 'normal', 'high', 'urgent')),
  triage_state         text NOT NULL DEFAULT 'pending' CHECK (triage_state IN ('pending', 'done', 'needs_triage', 'skipped')),
  -- Reasons for the priority, the top intents, the model version, or the error.
  triage               jsonb NOT NULL DEFAULT '{}',
  triaged_at           timestamptz,
  assigned_at          timestamptz,
  first_response_at    timestamptz,
  solved_at            timestamptz,
  waiting_since        timestamptz,
  last_message_at      timestamptz NOT NULL,
  -- The ticket's status is new, open or pending (kept by the triggers below): the inbox's lists walk partial
  -- indexes of unfinished conversations in their sort order instead of sorting every unfinished row.
  unfinished           boolean NOT NULL DEFAULT true,
  PRIMARY KEY (workspace_id, ticket_id),
  FOREIGN KEY (workspace_id, ticket_id) REFERENCES tickets (workspace_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, team_id) REFERENCES desk_teams (workspace_id, id) ON DELETE SET NULL (team_id)
);
CREATE INDEX conversations_assignee_idx ON conversations (workspace_id, assignee_id, waiting_since, ticket_id) WHERE unfinished;
CREATE INDEX conversations_team_idx ON conversations (workspace_id, team_id, waiting_since, ticket_id) WHERE unfinished;
CREATE INDEX conversations_triage_idx ON conversations (workspace_id, triage_state) WHERE triage_state IN ('pending', 'needs_triage');
CREATE INDEX conversations_waiting_idx ON conversations (workspace_id, waiting_since, ticket_id) WHERE unfinished;
CREATE INDEX conversations_unassigned_idx ON conversations (workspace_id, waiting_since, ticket_id) WHERE unfinished AND assignee_id IS NULL;
CREATE INDEX conversations_needs_triage_idx ON conversations (workspace_id, waiting_since, ticket_id) WHERE unfinished AND triage_state = 'needs_triage';
CREATE INDEX conversations_recent_idx ON conversations (workspace_id, last_message_at, ticket_id) WHERE unfinished;
CREATE INDEX tickets_unfinished_priority_idx ON tickets (workspace_id, (array_position(ARRAY['urgent','high','normal','low'], priority)::int8), id)
  WHERE status IN ('new', 'open', 'pending');

-- Messages as received. author: customer, agent (a reply the customer sees), note (internal), assistant (the chat
-- assistant's answer), system. message_id: the RFC 5322 Message-ID, for threading e-mail replies.
CREATE TABLE ticket_messages (
  workspace_id bigint NOT NULL,
  id           bigint GENERATED ALWAYS AS IDENTITY,
  ticket_id    bigint NOT NULL,
  author       text NOT NULL CHECK (author IN ('customer', 'agent', 'note', 'assistant', 'system')),
  user_id      bigint REFERENCES users(id) ON DELETE SET NULL,
  body         text NOT NULL,
  message_id   text,
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, id),
  FOREIGN KEY (workspace_id, ticket_id) REFERENCES tickets (workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX ticket_messages_thread_idx ON ticket_messages (workspace_id, ticket_id, id);
CREATE UNIQUE INDEX ticket_messages_message_id_idx ON ticket_messages (workspace_id, message_id) WHERE message_id IS NOT NULL;

-- Every way a ticket arrives (API, import, demo, the desk) gets its conversation and its first message here, in
-- the inserting statement: one set-based insert per statement, so bulk imports stay bulk.
CREATE FUNCTION tickets_open_conversations() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO conversations (workspace_id, ticket_id, unfinished, triage_state, waiting_since, last_message_at, solved_at)
  SELECT n.workspace_id, n.id, n.status IN ('new', 'open', 'pending'),
         CASE WHEN n.status IN ('solved', 'closed') THEN 'skipped' ELSE 'pending' END,
         CASE WHEN n.status IN ('new', 'open') THEN n.opened_at END,
         n.opened_at,
         CASE WHEN n.status IN ('solved', 'closed') THEN n.updated_at END
    FROM new_rows n
  ON CONFLICT DO NOTHING;
  INSERT INTO ticket_messages (workspace_id, ticket_id, author, body, created_at)
  SELECT n.workspace_id, n.id, 'customer', n.body, n.opened_at FROM new_rows n WHERE n.body IS NOT NULL AND n.body <> '';
  RETURN NULL;
END $$;
CREATE TRIGGER tickets_open_conversations AFTER INSERT ON tickets
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tickets_open_conversations();

-- A status change (the desk, the API, a re-import) keeps the conversation's flag; one set-based update per statement.
CREATE FUNCTION tickets_track_unfinished() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE conversations c SET unfinished = n.status IN ('new', 'open', 'pending')
    FROM new_rows n
   WHERE c.workspace_id = n.workspace_id AND c.ticket_id = n.id AND c.unfinished IS DISTINCT FROM (n.status IN ('new', 'open', 'pending'));
  RETURN NULL;
END $$;
CREATE TRIGGER tickets_track_unfinished AFTER UPDATE ON tickets
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tickets_track_unfinished();

-- Tickets already stored get theirs now (finished ones are history: not triaged).
INSERT INTO conversations (workspace_id, ticket_id, unfinished, triage_state, waiting_since, last_message_at, solved_at)
SELECT t.workspace_id, t.id, t.status IN ('new', 'open', 'pending'), CASE WHEN t.status IN ('solved', 'closed') THEN 'skipped' ELSE 'pending' END,
       CASE WHEN t.status = 'open' THEN t.opened_at END, t.opened_at,
       CASE WHEN t.status IN ('solved', 'closed') THEN t.updated_at END
  FROM tickets t;
INSERT INTO ticket_messages (workspace_id, ticket_id, author, body, created_at)
SELECT t.workspace_id, t.id, 'customer', t.body, t.opened_at FROM tickets t WHERE t.body IS NOT NULL AND t.body <> '';

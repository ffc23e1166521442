-- The chat assistant. An article may list other ways customers ask its question: the assistant's intent classifier
-- learns each article from its title and these, and retrieval matches them.
ALTER TABLE kb_articles ADD COLUMN questions text[] NOT NULL DEFAULT '{}'
  CHECK (cardinality(questions) <= 50);

-- One embeddable widget per workspace: a public site key (it identifies the workspace, it grants nothing), the
-- origins allowed to embed it, greetings and the answer policy (defaults from bench/results/desk.md).
CREATE TABLE chat_widgets (
  workspace_id    bigint PRIMARY KEY REFERENCES workspaces(id) ON DELETE CASCADE,
  site_key        text NOT NULL UNIQUE CHECK (site_key ~ '^pk_[A-Za-z0-9_-]{20,64}$'),
  enabled         boolean NOT NULL DEFAULT true,
  allowed_origins text[] NOT NULL DEFAULT '{}' CHECK (cardinality(allowed_origins) <= 50),
  greeting_en     text NOT NULL CHECK (char_length(greeting_en) BETWEEN 1 AND 500),
  greeting_zh     text NOT NULL CHECK (char_length(greeting_zh) BETWEEN 1 AND 500),
  min_confidence  double precision NOT NULL CHECK (min_confidence > 0 AND min_confidence <= 1),
  min_retrieval_share double precision NOT NULL CHECK (min_retrieval_share >= 0 AND min_retrieval_share <= 1),
  clarify_margin  double precision NOT NULL CHECK (clarify_margin >= 0 AND clarify_margin < 1),
  updated_at      timestamptz NOT NULL DEFAULT now()
);

-- A visitor's chat. The visitor holds a random token (only its SHA-256 is stored); with it they read their own
-- messages and nothing else. status: assistant (the assistant answers), handed_off (a conversation, ticket_id, was
-- opened with the transcript; the visitor's messages join it), closed.
CREATE TABLE chat_sessions (
  workspace_id bigint NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  id           bigint GENERATED ALWAYS AS IDENTITY,
  token_hash   bytea NOT NULL UNIQUE,
  lang         text NOT NULL CHECK (lang IN ('en', 'zh')),
  origin       text,
  status       text NOT NULL DEFAULT 'assistant' CHECK (status IN ('assistant', 'handed_off', 'closed')),
  email        text CHECK (char_length(email) <= 320),
  name         text CHECK (char_length(name) <= 200),
  ticket_id    bigint,
  -- The two articles of a pending clarifying question ([a, b] ids), so the visitor's choice is checked against them.
  clarify      bigint[],
  -- The first chat message of the next hand-off's transcript (after a finished conversation the chat goes on with the assistant).
  transcript_from bigint NOT NULL DEFAULT 0,
  created_at   timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, id),
  FOREIGN KEY (workspace_id, ticket_id) REFERENCES tickets (workspace_id, id) ON DELETE SET NULL (ticket_id)
);
CREATE INDEX chat_sessions_ticket_idx ON chat_sessions (workspace_id, ticket_id) WHERE ticket_id IS NOT NULL;

-- What was said before the hand-off (after it, the conversation's ticket_messages are the thread). author: visitor
-- or assistant; decision holds the assistant's action, confidence and articles, for the reports.
CREATE TABLE chat_messages (
  workspace_id bigint NOT NULL,
  session_id   bigint NOT NULL,
  id           bigint GENERATED ALWAYS AS IDENTITY,
  author       text NOT NULL CHECK (author IN ('visitor', 'assistant')),
  body         text NOT NULL CHECK (char_length(body) <= 4000),
  decision     jsonb,
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, id),
  FOREIGN KEY (workspace_id, session_id) REFERENCES chat_sessions (workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX chat_messages_session_idx ON chat_messages (workspace_id, session_id, id);
CREATE INDEX chat_messages_decisions_idx ON chat_messages (workspace_id, created_at) WHERE author = 'assistant';

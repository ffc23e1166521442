-- Canned responses of the service desk: saved replies agents insert into a conversation, in English or Chinese
-- (services/desk/canned/). body is a Liquid template whose merge fields (customer.name, agent.name, …) are filled
-- from the conversation when it is rendered; which fields it may use is checked when it is saved, not here.
-- shortcut is what an agent types to find it (`/refund`), unique in the workspace when given. The checks repeat
-- the API's limits (canned-input.ts) for other writers.
CREATE TABLE desk_canned_responses (
  workspace_id bigint NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  id           bigint GENERATED ALWAYS AS IDENTITY,
  lang         text NOT NULL CHECK (lang IN ('en', 'zh')),
  title        text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 120),
  shortcut     text CHECK (shortcut ~ '^/[a-z0-9_-]{1,39}$'),
  body         text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 10000),
  created_by   text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, id),
  UNIQUE (workspace_id, shortcut)
);
-- The reply box's picker: the workspace's responses in the conversation's language, by title.
CREATE INDEX desk_canned_responses_lang_idx ON desk_canned_responses (workspace_id, lang, title);

-- Knowledge base: question-and-answer articles in English and Chinese, edited in the dashboard or imported from
-- CSV (services/knowledge/). Suggested replies and the assistant read the published ones.

-- title is the question and body the answer, stored as written (HTML included: the dashboard sanitises it when it
-- shows it). version is +1 at every change and makes the ETag that If-Match checks. external_id keys imports, so
-- importing a file again lands on the same rows; it is derived from question and language when a file has none,
-- and is null for articles written in the dashboard. The length checks repeat the API's limits for other writers.
CREATE TABLE kb_articles (
  workspace_id bigint NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  id           bigint GENERATED ALWAYS AS IDENTITY,
  external_id  text CHECK (char_length(external_id) <= 200),
  lang         text NOT NULL CHECK (lang IN ('en', 'zh')),
  category     text CHECK (char_length(category) <= 120),
  title        text NOT NULL CHECK (char_length(title) <= 300),
  body         text NOT NULL CHECK (char_length(body) <= 20000),
  status       text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
  version      integer NOT NULL DEFAULT 1,
  created_by   text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, id),
  UNIQUE (workspace_id, external_id)
);
-- The readers' filter (published articles in the customer's language) and the editor's category lists. Text search
-- (q) scans the workspace's rows: a knowledge base is thousands of articles, not millions.
CREATE INDEX kb_articles_lang_idx ON kb_articles (workspace_id, lang, status);
CREATE INDEX kb_articles_category_idx ON kb_articles (workspace_id, category) WHERE category IS NOT NULL;

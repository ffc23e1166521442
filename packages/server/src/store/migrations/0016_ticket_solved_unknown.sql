-- A ticket stored already finished (an import, the API, the demo) says when it was opened, not when it was solved:
-- its conversation's solved_at stays unknown (NULL) instead of the time of the import, which the desk's reports
-- would read as the resolution time. Conversations solved at the desk keep theirs (set when solved). Rows stored
-- before this migration keep what they have: an imported one cannot be told apart from one solved at the desk.
CREATE OR REPLACE FUNCTION tickets_open_conversations() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO conversations (workspace_id, ticket_id, unfinished, triage_state, waiting_since, last_message_at, solved_at)
  SELECT n.workspace_id, n.id, n.status IN ('new', 'open', 'pending'),
         CASE WHEN n.status IN ('solved', 'closed') THEN 'skipped' ELSE 'pending' END,
         CASE WHEN n.status IN ('new', 'open') THEN n.opened_at END,
         n.opened_at,
         NULL
    FROM new_rows n
  ON CONFLICT DO NOTHING;
  INSERT INTO ticket_messages (workspace_id, ticket_id, author, body, created_at)
  SELECT n.workspace_id, n.id, 'customer', n.body, n.opened_at FROM new_rows n WHERE n.body IS NOT NULL AND n.body <> '';
  RETURN NULL;
END $$;

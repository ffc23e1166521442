-- Campaigns: e-mail and SMS sends to a segment, with a per-recipient ledger that makes a crash unable to
-- send anyone twice (services/campaigns/send-ledger.ts explains the states).

-- Workspace-wide campaign rules: the frequency cap, the verified sender addresses, SMS sending hours, the
-- global control group (services/campaigns/campaign-settings.ts holds the defaults and the schema).
ALTER TABLE workspaces ADD COLUMN campaign_settings jsonb NOT NULL DEFAULT '{}';

-- status: draft → sending → done, or paused (by a person or automatically, pause_reason says why) /
-- cancelled. The audience is frozen into campaign_recipients when the send starts (planned_at).
CREATE TABLE campaigns (
  workspace_id   bigint NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  id             bigint GENERATED ALWAYS AS IDENTITY,
  name           text NOT NULL,
  channel        text NOT NULL CHECK (channel IN ('email', 'sms')),
  purpose        text NOT NULL DEFAULT 'marketing',
  status         text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'sending', 'paused', 'done', 'cancelled')),
  segment_id     bigint,
  from_address   text,
  -- [{ name, weight, template }]: one entry for a plain campaign, several for an A/B/n test.
  variants       jsonb NOT NULL,
  holdout_pct    double precision NOT NULL DEFAULT 10 CHECK (holdout_pct >= 0 AND holdout_pct < 100),
  -- rate_per_second, concurrency, max_attempts, error_pause_rate, exclude_negative_tickets, attribution_days.
  settings       jsonb NOT NULL DEFAULT '{}',
  pause_reason   text,
  -- The outcome of a winner test: { winner, metric, rate, runner_up, runner_up_rate, p_value, significant, picked_at, variants }.
  winner         jsonb,
  send_job_id    text,
  planned_at     timestamptz,
  finished_at    timestamptz,
  created_by     text NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, id),
  UNIQUE (workspace_id, name),
  FOREIGN KEY (workspace_id, segment_id) REFERENCES segments (workspace_id, id) ON DELETE SET NULL (segment_id)
);

-- The send ledger: one row per customer of the frozen audience. grp: treated (to be sent), holdout (never sent,
-- measured like the treated), excluded (skip_reason says why). state: planned → sending → sent | failed |
-- uncertain (was being sent when a sender died; never resent automatically), or skipped (holdout, excluded), or
-- held → planned (a winner test's rest, once the winner is picked).
CREATE TABLE campaign_recipients (
  workspace_id    bigint NOT NULL,
  id              bigint GENERATED ALWAYS AS IDENTITY,
  campaign_id     bigint NOT NULL,
  customer_id     bigint NOT NULL,
  address         text,
  lang            text NOT NULL DEFAULT 'en' CHECK (lang IN ('en', 'zh')),
  grp             text NOT NULL CHECK (grp IN ('treated', 'holdout', 'excluded')),
  variant         text,
  -- held: outside the test sample of a "test, then send the winner", waiting (no variant yet) for the winner.
  state           text NOT NULL CHECK (state IN ('planned', 'sending', 'sent', 'failed', 'uncertain', 'skipped', 'held')),
  skip_reason     text,
  message_id      text,
  provider_id     text,
  attempts        integer NOT NULL DEFAULT 0,
  last_error      text,
  next_attempt_at timestamptz,
  claimed_by      text,
  claimed_at      timestamptz,
  sent_at         timestamptz,
  delivered_at    timestamptz,
  bounced_at      timestamptz,
  opened_at       timestamptz,
  clicked_at      timestamptz,
  unsubscribed_at timestamptz,
  PRIMARY KEY (workspace_id, id),
  UNIQUE (workspace_id, campaign_id, customer_id),
  FOREIGN KEY (workspace_id, campaign_id) REFERENCES campaigns (workspace_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, customer_id) REFERENCES customers (workspace_id, id) ON DELETE CASCADE
);
-- The senders' claim: the next planned rows of a campaign in id order.
CREATE INDEX campaign_recipients_todo_idx ON campaign_recipients (workspace_id, campaign_id, id) WHERE state IN ('planned', 'sending');
-- The frequency cap: marketing messages sent to a customer in the last days, across campaigns.
CREATE INDEX campaign_recipients_customer_idx ON campaign_recipients (workspace_id, customer_id, sent_at) WHERE sent_at IS NOT NULL;

-- Senders alive: a sender heartbeats its row; rows a dead sender left in `sending` become `uncertain`.
CREATE TABLE campaign_senders (
  workspace_id bigint NOT NULL,
  sender_id    text NOT NULL,
  campaign_id  bigint NOT NULL,
  heartbeat_at timestamptz NOT NULL,
  PRIMARY KEY (workspace_id, sender_id)
);

-- Opens and clicks as they come (the recipient row keeps the first of each).
CREATE TABLE campaign_events (
  workspace_id bigint NOT NULL,
  id           bigint GENERATED ALWAYS AS IDENTITY,
  campaign_id  bigint NOT NULL,
  recipient_id bigint NOT NULL,
  kind         text NOT NULL CHECK (kind IN ('open', 'click', 'unsubscribe', 'bounce', 'complaint', 'delivered')),
  url          text,
  at           timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, id),
  FOREIGN KEY (workspace_id, campaign_id) REFERENCES campaigns (workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX campaign_events_campaign_idx ON campaign_events (workspace_id, campaign_id, kind);

-- Addresses never to send to on a channel: hard bounces, complaints, unsubscribes, or added by hand.
CREATE TABLE suppressions (
  workspace_id bigint NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  channel      text NOT NULL CHECK (channel IN ('email', 'sms')),
  address      text NOT NULL,
  reason       text NOT NULL CHECK (reason IN ('hard_bounce', 'complaint', 'unsubscribe', 'manual')),
  source       text,
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, channel, address)
);

-- The key that signs a workspace's tracking links, unsubscribe links and webhooks (64 hex characters from the
-- database's strong random source; generated per workspace, never shown).
ALTER TABLE workspaces ADD COLUMN tracking_secret text NOT NULL DEFAULT replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '');

-- Mail caught by the built-in SMTP catcher of `rapport serve` (development and the demo): the Outbox page.
-- Filed under the workspace its X-Rapport-Workspace header names; mail without one is not kept.
CREATE TABLE caught_mail (
  workspace_id bigint NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  id           bigint GENERATED ALWAYS AS IDENTITY,
  campaign_id  bigint,
  recipient_id bigint,
  message_id   text,
  mail_from    text NOT NULL,
  rcpt_to      text NOT NULL,
  subject      text,
  html         text,
  body_text    text,
  headers      jsonb NOT NULL DEFAULT '{}',
  received_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, id)
);

-- The key bounce/complaint and SMS webhooks are signed with (shown to owners and admins, to configure the
-- provider; separate from the tracking secret, which never leaves the server).
ALTER TABLE workspaces ADD COLUMN webhook_secret text NOT NULL DEFAULT replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '');

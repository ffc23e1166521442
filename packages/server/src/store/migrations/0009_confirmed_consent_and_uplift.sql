-- Double opt-in: a grant is confirmed when the customer followed the confirmation link (or the import says
-- when they did). History stays append-only: confirming appends a new granted row with confirmed_at set.
ALTER TABLE consents ADD COLUMN confirmed_at timestamptz;

-- Confirmation requests sent (one row per customer, channel and purpose; re-sent at most once a week).
CREATE TABLE consent_confirmations (
  workspace_id bigint NOT NULL,
  customer_id  bigint NOT NULL,
  channel      text NOT NULL CHECK (channel IN ('email', 'sms')),
  purpose      text NOT NULL,
  address      text NOT NULL,
  requested_at timestamptz NOT NULL,
  confirmed_at timestamptz,
  PRIMARY KEY (workspace_id, customer_id, channel, purpose),
  FOREIGN KEY (workspace_id, customer_id) REFERENCES customers (workspace_id, id) ON DELETE CASCADE
);

-- The predicted uplift of each recipient when the audience was frozen: the results' Qini and uplift curves
-- rank treated and holdout by it, so they judge the model the campaign was targeted with.
ALTER TABLE campaign_recipients ADD COLUMN predicted_uplift double precision;

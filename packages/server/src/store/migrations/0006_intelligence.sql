-- Customer intelligence inside the platform: the model registry and what its active versions stored per
-- customer, product, order and text. Every stored result names the model version that made it; a scoring
-- run replaces the whole set of its kind in one transaction, so readers see one version's set or the other's.

-- One row per training run of a model kind in a workspace. `version` counts 1, 2, … per (workspace, kind).
-- status: training (running), trained (kept, not active), active (the one whose results are stored; at most
-- one per kind), retired (was active), insufficient_data (not trained: `reason` says what is missing),
-- failed (the run broke: `reason`).
CREATE TABLE model_versions (
  workspace_id  bigint NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  id            bigint GENERATED ALWAYS AS IDENTITY,
  kind          text NOT NULL,
  version       integer NOT NULL,
  status        text NOT NULL CHECK (status IN ('training', 'trained', 'active', 'retired', 'insufficient_data', 'failed')),
  reason        text,
  job_id        text,
  actor_label   text NOT NULL,
  -- Options as given and as resolved (horizon, calibration end, k, …).
  params        jsonb NOT NULL DEFAULT '{}',
  -- Training window, row counts, customers excluded for want of profiling consent.
  training      jsonb NOT NULL DEFAULT '{}',
  -- Headline backtest metrics (flat name → number), the baseline's, and the activation decision.
  metrics       jsonb NOT NULL DEFAULT '{}',
  -- Curves, lift and calibration tables, fairness, importance, backtest tables, profiles: what the Models page draws.
  report        jsonb NOT NULL DEFAULT '{}',
  -- The fitted model in the versioned model format (services/models/model-envelope.ts), or null.
  artefact      jsonb,
  created_at    timestamptz NOT NULL DEFAULT now(),
  finished_at   timestamptz,
  activated_at  timestamptz,
  scored_at     timestamptz,
  scored_rows   integer,
  PRIMARY KEY (workspace_id, id),
  UNIQUE (workspace_id, kind, version)
);
CREATE UNIQUE INDEX model_versions_one_active_idx ON model_versions (workspace_id, kind) WHERE status = 'active';
CREATE INDEX model_versions_list_idx ON model_versions (workspace_id, kind, id DESC);

-- Per-customer scores, one row per (kind, customer): kind churn (score = probability, band, reasons),
-- clv (score = expected value over the horizon; details: p_alive, expected_orders), next_category (score =
-- the best category's probability, label = that category; details: every category's), rfm (label = segment;
-- details: r, f, m), cluster (label = persona; details: cluster index).
CREATE TABLE customer_scores (
  workspace_id     bigint NOT NULL,
  kind             text NOT NULL,
  customer_id      bigint NOT NULL,
  model_version_id bigint NOT NULL,
  score            double precision,
  percentile       double precision CHECK (percentile IS NULL OR (percentile >= 0 AND percentile <= 100)),
  band             text,
  label            text,
  reasons          jsonb,
  details          jsonb,
  PRIMARY KEY (workspace_id, kind, customer_id),
  FOREIGN KEY (workspace_id, customer_id) REFERENCES customers (workspace_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, model_version_id) REFERENCES model_versions (workspace_id, id)
);
CREATE INDEX customer_scores_score_idx ON customer_scores (workspace_id, kind, score);
CREATE INDEX customer_scores_label_idx ON customer_scores (workspace_id, kind, label);
CREATE INDEX customer_scores_customer_idx ON customer_scores (workspace_id, customer_id);

-- Top-N product recommendations per customer. source: model (collaborative), content (new customer or new
-- product: similar to what they looked at), popular (nothing else known).
CREATE TABLE customer_recommendations (
  workspace_id     bigint NOT NULL,
  customer_id      bigint NOT NULL,
  rank             smallint NOT NULL CHECK (rank >= 1),
  product_id       bigint NOT NULL,
  score            double precision NOT NULL,
  source           text NOT NULL CHECK (source IN ('model', 'content', 'popular')),
  model_version_id bigint NOT NULL,
  PRIMARY KEY (workspace_id, customer_id, rank),
  FOREIGN KEY (workspace_id, customer_id) REFERENCES customers (workspace_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, product_id) REFERENCES products (workspace_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, model_version_id) REFERENCES model_versions (workspace_id, id)
);
CREATE INDEX customer_recommendations_product_idx ON customer_recommendations (workspace_id, product_id);

-- "Bought together": per product, the products its baskets' rules point to, best first.
CREATE TABLE product_associations (
  workspace_id     bigint NOT NULL,
  product_id       bigint NOT NULL,
  rank             smallint NOT NULL CHECK (rank >= 1),
  other_product_id bigint NOT NULL,
  support          double precision NOT NULL,
  confidence       double precision NOT NULL,
  lift             double precision NOT NULL,
  model_version_id bigint NOT NULL,
  PRIMARY KEY (workspace_id, product_id, rank),
  FOREIGN KEY (workspace_id, product_id) REFERENCES products (workspace_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, other_product_id) REFERENCES products (workspace_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, model_version_id) REFERENCES model_versions (workspace_id, id)
);

-- Sentiment of each review and ticket text.
CREATE TABLE text_sentiments (
  workspace_id     bigint NOT NULL,
  entity           text NOT NULL CHECK (entity IN ('reviews', 'tickets')),
  entity_id        bigint NOT NULL,
  customer_id      bigint,
  sentiment        text NOT NULL CHECK (sentiment IN ('positive', 'neutral', 'negative')),
  confidence       double precision NOT NULL CHECK (confidence >= 0 AND confidence <= 1),
  language         text,
  model_version_id bigint NOT NULL,
  PRIMARY KEY (workspace_id, entity, entity_id),
  FOREIGN KEY (workspace_id, model_version_id) REFERENCES model_versions (workspace_id, id)
);
CREATE INDEX text_sentiments_customer_idx ON text_sentiments (workspace_id, customer_id);

-- Distinctive keywords of each product's reviews.
CREATE TABLE product_keywords (
  workspace_id     bigint NOT NULL,
  product_id       bigint NOT NULL,
  keywords         jsonb NOT NULL,
  model_version_id bigint NOT NULL,
  PRIMARY KEY (workspace_id, product_id),
  FOREIGN KEY (workspace_id, product_id) REFERENCES products (workspace_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, model_version_id) REFERENCES model_versions (workspace_id, id)
);

-- Unusual orders: anomaly score, band and the features that made them unusual.
CREATE TABLE order_flags (
  workspace_id     bigint NOT NULL,
  order_id         bigint NOT NULL,
  customer_id      bigint,
  score            double precision NOT NULL,
  band             text NOT NULL CHECK (band IN ('low', 'medium', 'high')),
  reasons          jsonb NOT NULL DEFAULT '[]',
  model_version_id bigint NOT NULL,
  PRIMARY KEY (workspace_id, order_id),
  FOREIGN KEY (workspace_id, order_id) REFERENCES orders (workspace_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, model_version_id) REFERENCES model_versions (workspace_id, id)
);
CREATE INDEX order_flags_band_idx ON order_flags (workspace_id, band, score DESC);

-- When a customer entered and left each segment of a kind (rfm, cluster): one open row (exited_at null)
-- per customer and kind; a scoring run closes the rows of customers who moved or lost their result.
CREATE TABLE customer_segment_history (
  workspace_id bigint NOT NULL,
  id           bigint GENERATED ALWAYS AS IDENTITY,
  customer_id  bigint NOT NULL,
  kind         text NOT NULL,
  segment      text NOT NULL,
  entered_at   timestamptz NOT NULL,
  exited_at    timestamptz,
  PRIMARY KEY (workspace_id, id),
  FOREIGN KEY (workspace_id, customer_id) REFERENCES customers (workspace_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX customer_segment_history_open_idx ON customer_segment_history (workspace_id, kind, customer_id) WHERE exited_at IS NULL;
CREATE INDEX customer_segment_history_customer_idx ON customer_segment_history (workspace_id, customer_id, entered_at);

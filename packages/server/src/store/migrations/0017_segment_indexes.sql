-- Segment conditions answered from the indexes alone (index-only scans), measured on 1M customers in
-- bench/results/segments.md. Two indexes get extra columns with their keys unchanged, so every query that
-- used them still can; two are new.

-- Orders per customer in a window, filtered by purchase status (and summed by total): no heap visit per order.
DROP INDEX orders_customer_time_idx;
CREATE INDEX orders_customer_time_idx ON orders (workspace_id, customer_id, ordered_at DESC) INCLUDE (status, total);

-- The customers with an event of a type in a window ("clicked an e-mail in the last 60 days"): one range of
-- the index, hashed by customer, instead of a heap visit per event.
DROP INDEX events_type_time_idx;
CREATE INDEX events_type_time_idx ON events (workspace_id, type, occurred_at) INCLUDE (customer_id);

-- A stored band ("churn risk is high"), compared case-insensitively as the compiler compares text.
CREATE INDEX customer_scores_band_idx ON customer_scores (workspace_id, kind, lower(band)) INCLUDE (customer_id, band);

-- City, the commonest profile condition, as the compiler reads text (lower); id and city included so
-- that the customers of a city are read from the index alone.
CREATE INDEX customers_city_lower_idx ON customers (workspace_id, lower(city)) INCLUDE (id, city);

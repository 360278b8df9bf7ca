-- Webhooks (issue 8): an employer may name a URL to be told when a presentation request ends. Each notice is a
-- row, written in the transaction that ends the request, and delivered (and retried with backoff) by one runner.

ALTER TABLE presentation_request ADD COLUMN webhook_url text;

CREATE TABLE webhook_delivery (
    id              uuid        PRIMARY KEY,
    request_id      uuid        NOT NULL REFERENCES presentation_request (id) ON DELETE CASCADE,
    url             text        NOT NULL,
    payload         text        NOT NULL,
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    delivered_at    timestamptz,
    gave_up_at      timestamptz,
    last_error      text,
    created_at      timestamptz NOT NULL
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at)
    WHERE delivered_at IS NULL AND gave_up_at IS NULL;

-- Share links (issue 8): a learner shows chosen credentials and claims to someone without an OpenID4VP stack.
-- The link's secret is 256 random bits, stored only as its SHA-256 (like refresh tokens and API keys).
-- `credentials` lists what the link shows: [{"credential_id": "...", "claims": [[path...], ...] | null}], where
-- null claims means the whole credential (formats without selective disclosure).

CREATE TABLE share_link (
    id           uuid        PRIMARY KEY,
    account_id   uuid        NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    token_hash   text        NOT NULL UNIQUE,
    label        text,
    credentials  jsonb       NOT NULL,
    created_at   timestamptz NOT NULL,
    expires_at   timestamptz NOT NULL,
    max_views    integer     CHECK (max_views IS NULL OR max_views > 0),
    views        integer     NOT NULL DEFAULT 0,
    revoked_at   timestamptz
);
CREATE INDEX share_link_account ON share_link (account_id, created_at DESC);

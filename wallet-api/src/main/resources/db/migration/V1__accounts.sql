-- Accounts, sign-in sessions and login throttling (issue 3).
-- Every table that holds a learner's data carries account_id, and every query of it is scoped by it.

CREATE TABLE account (
    id            uuid        PRIMARY KEY,
    -- Built-in accounts have an email and an Argon2id hash (PHC string); accounts created for an external
    -- identity provider's subject have neither.
    email         text        UNIQUE,
    password_hash text,
    created_at    timestamptz NOT NULL,
    CONSTRAINT account_credentials_together CHECK ((email IS NULL) = (password_hash IS NULL)),
    CONSTRAINT account_email_normalised CHECK (email = lower(email))
);

-- An external OpenID Connect subject, mapped to the account created when Cairn first saw it.
CREATE TABLE external_identity (
    issuer     text        NOT NULL,
    subject    text        NOT NULL,
    account_id uuid        NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (issuer, subject)
);
CREATE INDEX external_identity_account ON external_identity (account_id);

-- A sign-in: one per login, the family of every refresh token rotated from it.
CREATE TABLE auth_session (
    id             uuid        PRIMARY KEY,
    account_id     uuid        NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    created_at     timestamptz NOT NULL,
    last_used_at   timestamptz NOT NULL,
    expires_at     timestamptz NOT NULL,
    revoked_at     timestamptz,
    revoked_reason text,
    user_agent     text
);
CREATE INDEX auth_session_account ON auth_session (account_id, created_at DESC);

-- Refresh tokens are stored only as SHA-256 hashes; a used one stays (used_at set) to detect reuse.
CREATE TABLE refresh_token (
    token_hash text        PRIMARY KEY,
    session_id uuid        NOT NULL REFERENCES auth_session (id) ON DELETE CASCADE,
    account_id uuid        NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    issued_at  timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    used_at    timestamptz
);
CREATE INDEX refresh_token_session ON refresh_token (session_id);

-- Failed-login counters per account (keyed by a hash of the email, whether or not the account exists)
-- and per client address. Kept in PostgreSQL so every instance enforces the same limits.
CREATE TABLE login_throttle (
    throttle_key      text        PRIMARY KEY,
    failures          integer     NOT NULL,
    window_started_at timestamptz NOT NULL,
    blocked_until     timestamptz
);

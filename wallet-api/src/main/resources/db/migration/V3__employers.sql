-- Employers (issue 8): the same account system with a role, an organisation name, and API keys for
-- server-to-server use. Keys are stored as SHA-256 of their 256-bit secret, like refresh tokens: the secret is
-- shown once, at creation.

ALTER TABLE account ADD COLUMN role text NOT NULL DEFAULT 'learner' CHECK (role IN ('learner', 'employer'));
ALTER TABLE account ADD COLUMN organisation text;
ALTER TABLE account ADD CONSTRAINT account_employer_names_organisation
    CHECK ((role = 'employer') = (organisation IS NOT NULL));

CREATE TABLE api_key (
    id           uuid        PRIMARY KEY,
    account_id   uuid        NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    name         text        NOT NULL,
    secret_hash  text        NOT NULL,
    created_at   timestamptz NOT NULL,
    last_used_at timestamptz,
    revoked_at   timestamptz
);
CREATE INDEX api_key_account ON api_key (account_id, created_at DESC);

-- The learner's wallet (issue 7): holder keys, stored credentials, stacks, the activity log and idempotent
-- replays. Every table carries account_id and every query filters by it (docs/persistence.md, rule 5).

-- Two holder keys per learner (P-256 and Ed25519). The private key is AES-256-GCM ciphertext under the
-- key-encryption key named by kek_id (docs/holder-keys.md); the associated data binds it to this row.
CREATE TABLE holder_key (
    id                    uuid        PRIMARY KEY,
    account_id            uuid        NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    algorithm             text        NOT NULL CHECK (algorithm IN ('ES256', 'EdDSA')),
    public_jwk            text        NOT NULL,
    jwk_thumbprint        text        NOT NULL,
    did_jwk               text        NOT NULL,
    did_key               text        NOT NULL,
    kek_id                text        NOT NULL,
    encrypted_private_key bytea       NOT NULL,
    created_at            timestamptz NOT NULL,
    UNIQUE (account_id, algorithm)
);
CREATE INDEX holder_key_kek ON holder_key (kek_id);

-- A credential as imported: the original bytes exactly, what verification found, and the columns the list
-- filters, sorts and searches on. list_status is what the status list said (valid, unknown, revoked,
-- suspended); expired / not-yet-valid are derived from the validity window at read time.
CREATE TABLE credential (
    id                uuid        PRIMARY KEY,
    account_id        uuid        NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    content_hash      text        NOT NULL,
    format            text        NOT NULL,
    media_type        text        NOT NULL,
    original          bytea       NOT NULL,
    issuer_id         text        NOT NULL,
    issuer_name       text,
    types             text[]      NOT NULL,
    title             text        NOT NULL,
    description       text,
    issued_at         timestamptz,
    valid_from        timestamptz,
    valid_until       timestamptz,
    sort_issued       timestamptz NOT NULL,
    list_status       text        NOT NULL CHECK (list_status IN ('valid', 'unknown', 'revoked', 'suspended')),
    checks            jsonb       NOT NULL,
    warnings          jsonb       NOT NULL,
    claims            jsonb       NOT NULL,
    display           jsonb       NOT NULL,
    holder_key_id     uuid        REFERENCES holder_key (id) ON DELETE SET NULL,
    tags              text[]      NOT NULL DEFAULT '{}',
    note              text,
    pinned            boolean     NOT NULL DEFAULT false,
    search_config     regconfig   NOT NULL,
    search_text       text        NOT NULL,
    search            tsvector    GENERATED ALWAYS AS (to_tsvector(search_config, search_text)) STORED,
    imported_at       timestamptz NOT NULL,
    status_checked_at timestamptz NOT NULL,
    UNIQUE (account_id, content_hash)
);
-- Keyset pagination for both sort orders; the id breaks ties so a page boundary is exact.
CREATE INDEX credential_by_issued ON credential (account_id, sort_issued DESC, id DESC);
CREATE INDEX credential_by_title ON credential (account_id, lower(title), id);
CREATE INDEX credential_tags ON credential USING gin (tags);
CREATE INDEX credential_types ON credential USING gin (types);
CREATE INDEX credential_search ON credential USING gin (search);
CREATE INDEX credential_status_due ON credential (status_checked_at);

-- A learner's named, ordered group of credentials toward a larger award.
CREATE TABLE stack (
    id           uuid        PRIMARY KEY,
    account_id   uuid        NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    name         text        NOT NULL,
    description  text,
    target_count integer     CHECK (target_count BETWEEN 1 AND 1000),
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL
);
CREATE INDEX stack_account ON stack (account_id, created_at DESC, id DESC);

CREATE TABLE stack_credential (
    stack_id      uuid    NOT NULL REFERENCES stack (id) ON DELETE CASCADE,
    credential_id uuid    NOT NULL REFERENCES credential (id) ON DELETE CASCADE,
    position      integer NOT NULL,
    PRIMARY KEY (stack_id, credential_id)
);
CREATE INDEX stack_credential_credential ON stack_credential (credential_id);

-- What happened to a wallet. Never holds a credential, a salt, a nonce or a token: only what happened, the
-- reason code of a refusal, and a short summary (title, issuer name) that deletion of the credential erases.
CREATE TABLE activity (
    id            bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id    uuid        NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    occurred_at   timestamptz NOT NULL,
    kind          text        NOT NULL,
    credential_id uuid,
    stack_id      uuid,
    reason        text,
    summary       jsonb
);
CREATE INDEX activity_account ON activity (account_id, id DESC);
CREATE INDEX activity_credential ON activity (credential_id) WHERE credential_id IS NOT NULL;

-- Idempotency-Key replays (24 h): the first response to a key, and the hash of the request that made it.
CREATE TABLE idempotency_record (
    account_id   uuid        NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    idem_key     text        NOT NULL,
    request_hash text        NOT NULL,
    status       integer     NOT NULL,
    location     text,
    body         text        NOT NULL,
    created_at   timestamptz NOT NULL,
    PRIMARY KEY (account_id, idem_key)
);
CREATE INDEX idempotency_record_created ON idempotency_record (created_at);

-- One runner at a time for background jobs, whatever the number of instances (see docs/background-jobs.md).
CREATE TABLE job_lease (
    job         text        PRIMARY KEY,
    holder      text        NOT NULL,
    expires_at  timestamptz NOT NULL,
    last_run_at timestamptz
);

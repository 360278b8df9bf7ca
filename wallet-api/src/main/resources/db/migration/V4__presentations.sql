-- Presentations (issue 8): both sides of OpenID4VP 1.0.
--
-- Verifier side: an employer's signing key (its request objects are signed with it; its did:jwk is the
-- decentralized_identifier client_id), and the presentation requests it made. A request holds the signed
-- request object it serves at its request_uri, the nonce and state the response must carry, and, for
-- direct_post.jwt, the private half of a key made for this request alone (sealed under the KEK, like holder keys).

CREATE TABLE verifier_key (
    account_id     uuid        PRIMARY KEY REFERENCES account (id) ON DELETE CASCADE,
    public_jwk     text        NOT NULL,
    sealed_private bytea       NOT NULL,
    kek_id         text        NOT NULL,
    created_at     timestamptz NOT NULL
);

CREATE TABLE presentation_request (
    id                    uuid        PRIMARY KEY,
    account_id            uuid        NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    client_id             text        NOT NULL,
    response_mode         text        NOT NULL CHECK (response_mode IN ('direct_post', 'direct_post.jwt')),
    dcql_query            jsonb       NOT NULL,
    accepted_issuers      text[]      NOT NULL DEFAULT '{}',
    purpose               text        NOT NULL,
    nonce                 text        NOT NULL,
    state                 text        NOT NULL,
    request_object        text        NOT NULL,
    response_key_sealed   bytea,
    response_key_kek_id   text,
    status                text        NOT NULL CHECK (status IN ('pending', 'fulfilled', 'rejected')),
    reason                text,
    reason_detail         text,
    result                jsonb,
    created_at            timestamptz NOT NULL,
    expires_at            timestamptz NOT NULL,
    completed_at          timestamptz
);
CREATE INDEX presentation_request_account ON presentation_request (account_id, created_at DESC, id DESC);

-- Wallet side: a request a learner scanned, as Cairn validated it, until the learner consents or declines.
CREATE TABLE presentation_exchange (
    id              uuid        PRIMARY KEY,
    account_id      uuid        NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    client_id       text        NOT NULL,
    verifier_name   text,
    request         jsonb       NOT NULL,
    status          text        NOT NULL CHECK (status IN ('open', 'sending', 'sent', 'declined', 'failed')),
    outcome         jsonb,
    created_at      timestamptz NOT NULL,
    expires_at      timestamptz NOT NULL,
    completed_at    timestamptz
);
CREATE INDEX presentation_exchange_account ON presentation_exchange (account_id, created_at DESC);

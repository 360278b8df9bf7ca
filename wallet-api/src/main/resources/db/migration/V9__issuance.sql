-- Receiving credentials (issue 9): OpenID4VCI 1.0 offers a learner scanned, and deferred credentials still to be
-- collected (docs/issuance.md, "In the wallet").
--
-- An offer keeps what the learner was shown (issuer and credential display, whether a tx_code is needed) in the
-- clear, and the Credential Offer object itself sealed under the KEK, because its Pre-Authorized Code is a bearer
-- secret (§4.1.1, §13.4). The associated data names the row, as for holder keys.
CREATE TABLE credential_offer (
    id                uuid        PRIMARY KEY,
    account_id        uuid        NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    credential_issuer text        NOT NULL,
    issuer_display    jsonb       NOT NULL,
    credentials       jsonb       NOT NULL,
    tx_code           jsonb,
    kek_id            text        NOT NULL,
    sealed_offer      bytea       NOT NULL,
    state             text        NOT NULL CHECK (state IN ('offered', 'accepted', 'refused')),
    outcome           jsonb,
    created_at        timestamptz NOT NULL,
    accepted_at       timestamptz
);
CREATE INDEX credential_offer_account ON credential_offer (account_id, created_at DESC);

-- A deferred issuance (§9) the collection job asks for again from not_before on. What it needs (the access token,
-- the transaction_id, endpoints, the proven public keys, display) is one sealed JSON document.
CREATE TABLE pending_credential (
    id               uuid        PRIMARY KEY,
    account_id       uuid        NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    offer_id         uuid        NOT NULL REFERENCES credential_offer (id) ON DELETE CASCADE,
    configuration_id text        NOT NULL,
    kek_id           text        NOT NULL,
    sealed_deferral  bytea       NOT NULL,
    not_before       timestamptz NOT NULL,
    created_at       timestamptz NOT NULL
);
CREATE INDEX pending_credential_due ON pending_credential (not_before);
CREATE INDEX pending_credential_account ON pending_credential (account_id, offer_id);

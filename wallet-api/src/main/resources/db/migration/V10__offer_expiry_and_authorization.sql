-- Receiving credentials, continued (docs/issuance.md): stored offers expire, and the Authorization Code Flow
-- (OpenID4VCI 1.0 §5) keeps what finishes it between the two calls of POST /v1/offers/{id}/authorization.
--
-- An OpenID4VCI offer carries no expiry; Cairn gives each stored offer one (CAIRN_OFFER_LIFETIME_SECONDS, default a
-- day). Offers stored before this migration get a day from when they were scanned.
ALTER TABLE credential_offer ADD COLUMN expires_at timestamptz;
UPDATE credential_offer SET expires_at = created_at + interval '24 hours';
ALTER TABLE credential_offer ALTER COLUMN expires_at SET NOT NULL;

-- The grants the offer can be redeemed with (§4.1.1), shown to the app: before V10 only pre-authorized offers were kept.
ALTER TABLE credential_offer ADD COLUMN grants jsonb NOT NULL
    DEFAULT '["urn:ietf:params:oauth:grant-type:pre-authorized_code"]'::jsonb;
ALTER TABLE credential_offer ALTER COLUMN grants DROP DEFAULT;

-- An Authorization Request the wallet sent and the learner's browser has not come back from yet. Its state and PKCE
-- code_verifier are secrets: the whole request is sealed under the KEK (associated data names the row). The state is
-- found again by its SHA-256 digest, so any instance can finish the grant; a row is used once.
CREATE TABLE offer_authorization (
    id                   uuid        PRIMARY KEY,
    account_id           uuid        NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    offer_id             uuid        NOT NULL REFERENCES credential_offer (id) ON DELETE CASCADE,
    state_digest         bytea       NOT NULL UNIQUE,
    kek_id               text        NOT NULL,
    sealed_authorization bytea       NOT NULL,
    expires_at           timestamptz NOT NULL,
    created_at           timestamptz NOT NULL
);
CREATE INDEX offer_authorization_offer ON offer_authorization (account_id, offer_id);

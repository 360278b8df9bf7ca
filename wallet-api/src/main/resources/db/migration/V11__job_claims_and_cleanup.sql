-- Background jobs run each work item once across instances (issue 10, docs/background-jobs.md), and the expiry
-- clean-up job finds what has expired without reading whole tables.

-- A work item is claimed by moving its claim expiry into the future in one UPDATE over rows locked with
-- FOR UPDATE SKIP LOCKED; a runner that dies holding a claim loses it when the expiry passes.
ALTER TABLE credential ADD COLUMN recheck_claimed_until timestamptz;
ALTER TABLE pending_credential ADD COLUMN claimed_until timestamptz;

-- credential_deleted (OpenID4VCI 1.0 §11): for each credential received in a Credential Response that named a
-- notification_id, what the wallet needs to tell the issuer later (endpoint, Access Token, notification_id: one
-- document sealed under the KEK like other issuance secrets), kept only while the token may still be valid. No
-- foreign key to credential: the row outlives the credential it reports on, and a credential gone while the row is
-- live is what makes the notice due (docs/issuance.md, "Telling the issuer about a deletion").
CREATE TABLE issuer_notification (
    id               uuid        PRIMARY KEY,
    account_id       uuid        NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    credential_id    uuid        NOT NULL,
    kek_id           text        NOT NULL,
    sealed_handle    bytea       NOT NULL,
    token_expires_at timestamptz NOT NULL,
    event            text        CHECK (event IN ('credential_deleted')),
    next_attempt_at  timestamptz,
    claimed_until    timestamptz,
    attempts         integer     NOT NULL DEFAULT 0,
    delivered_at     timestamptz,
    last_error       text,
    created_at       timestamptz NOT NULL
);
CREATE INDEX issuer_notification_expiry ON issuer_notification (token_expires_at);

-- What the clean-up job looks for (docs/background-jobs.md, "Expiry clean-up").
CREATE INDEX presentation_request_expires ON presentation_request (expires_at);
CREATE INDEX presentation_exchange_expires ON presentation_exchange (expires_at);
CREATE INDEX share_link_expires ON share_link (expires_at);
CREATE INDEX share_link_revoked ON share_link (revoked_at) WHERE revoked_at IS NOT NULL;
CREATE INDEX auth_session_expires ON auth_session (expires_at);
CREATE INDEX refresh_token_expires ON refresh_token (expires_at);
CREATE INDEX webhook_delivery_settled ON webhook_delivery (created_at)
    WHERE delivered_at IS NOT NULL OR gave_up_at IS NOT NULL;
CREATE INDEX credential_offer_open ON credential_offer (created_at) WHERE state = 'offered';

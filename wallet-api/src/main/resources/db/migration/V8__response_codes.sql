-- Same-device presentation requests (OpenID4VP 1.0 §8.2, §13.3, §14.2): after a verified answer the wallet is sent
-- back to the employer's page with a fresh response code, and the verified claims are given only to a caller that
-- presents it. The code is stored as its SHA-256.

ALTER TABLE presentation_request ADD COLUMN redirect_uri text;
ALTER TABLE presentation_request ADD COLUMN response_code_hash text;

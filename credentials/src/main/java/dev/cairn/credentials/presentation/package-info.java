/**
 * The wallet's side of presenting a credential under OpenID for Verifiable Presentations 1.0.
 *
 * <ul>
 *   <li>{@link dev.cairn.credentials.presentation.PresentationBuilder#build} turns a stored credential and the
 *       learner's consented claims into a {@code vp_token} entry bound to the verifier's nonce and Client Identifier
 *       and signed by the learner's {@link dev.cairn.credentials.presentation.Holder};
 *       {@link dev.cairn.credentials.presentation.PresentationBuilder#preview} shows, without signing, exactly what
 *       that entry discloses.
 *   <li>{@link dev.cairn.credentials.presentation.DcqlCredentials} connects verification results to DCQL, on the
 *       wallet's side (candidates) and the verifier's (what was presented).
 * </ul>
 *
 * <p>Nothing here does I/O: the caller runs the builder on a worker pool. See docs/presentations.md.
 */
package dev.cairn.credentials.presentation;

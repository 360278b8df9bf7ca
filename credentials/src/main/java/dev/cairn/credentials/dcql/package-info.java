/**
 * The Digital Credentials Query Language (DCQL) of OpenID for Verifiable Presentations 1.0, §6 and §7, for both
 * sides of a presentation.
 *
 * <ul>
 *   <li>{@link dev.cairn.credentials.dcql.DcqlQuery#parse} reads and validates a query (an employer's request, or
 *       one the wallet received); every broken rule is a {@link dev.cairn.credentials.dcql.DcqlException} naming
 *       the member, such as {@code credentials[1].claims[0].path: must be a non-empty array}.
 *   <li>{@link dev.cairn.credentials.dcql.DcqlMatcher} is the wallet side (§6.4): which of the learner's credentials
 *       satisfy each Credential Query, which claims each would disclose, and whether the query as a whole can be
 *       answered.
 *   <li>{@link dev.cairn.credentials.dcql.DcqlResponseCheck} is the verifier side (§8.6 VP Token Validation, and the
 *       Security Consideration "Security Checks on the Returned Credentials and Presentations"): whether what was
 *       presented and verified satisfies the query, judged only on the claims actually disclosed, never on the
 *       wallet's word.
 *   <li>{@link dev.cairn.credentials.dcql.ClaimsPath} is the claims path pointer of §7 with its processing rules.
 * </ul>
 *
 * <p>Nothing here verifies signatures: the inputs are credentials and presentations that the verification pipeline
 * ({@code CredentialVerifier}) has already checked. See docs/dcql.md.
 */
package dev.cairn.credentials.dcql;

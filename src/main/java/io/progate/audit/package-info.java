/**
 * The audit log: who did what to which target, when, from where, with what outcome.
 *
 * <p>Writing: call {@link io.progate.audit.AuditLog#record} inside the transaction of the change
 * it describes. Conventions, so that searches and trails line up:
 * <ul>
 * <li>action {@code <noun>.<verb>} in lower case ({@code request.approve}, {@code credential.rewrap},
 * {@code pro.call}); target type the noun ({@code request}, {@code credential}, {@code team},
 * {@code user}, {@code token}) and target id its public id or slug;</li>
 * <li>always {@code .team(teamId)} when the event belongs to a team, or its members will not see it;</li>
 * <li>a PRO call on a request: action {@code pro.call}, target the request, details
 * {@code method}, {@code path}, {@code status}, {@code durationMs} (never headers or bodies);</li>
 * <li>details are plain JSON values and never hold a secret; keys that name one (password,
 * secret, apiKey, ...) are redacted anyway.</li>
 * </ul>
 *
 * <p>Reading: {@link io.progate.trail.AuditService#trailOf} and the {@code auditTrail} tag give a
 * target's own page its story; {@code /audit} and {@code /api/v1/audit} search; {@code
 * /api/v1/audit/verify} and {@code /admin/audit/verify} check the hash chain.
 */
package io.progate.audit;

package io.progate.credential;

import io.progate.pro.model.ProScope;
import io.progate.credential.seal.Secret;
import io.progate.account.User;
import io.progate.audit.AuditLog;
import io.progate.audit.AuditRecord;
import io.progate.common.ConflictException;
import io.progate.pro.model.NewApiKey;
import io.progate.pro.ProAccount;
import io.progate.pro.model.ProApiKey;
import io.progate.pro.ProApiKeys;
import io.progate.pro.ProException;
import io.progate.team.Team;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Rotates a team's key that carries the APIKey scope through PRO's api-key calls: creates a new key
 * with the same scopes expiring {@value #LIFETIME_DAYS} days ahead (PRO allows at most a year),
 * verifies it with the same per-scope probe as a saved key, seals it and switches the team to it in one
 * transaction (the old row becomes history, its sealed value destroyed), then deletes the old key in
 * PRO by name. Every step is audited ({@code credential.rotate.*}). A failure before the switch
 * leaves the old key in use and deletes the new one in PRO again; what cannot be deleted is listed
 * for cleanup ({@link ProKeyCleanup}) with the reason. The new key's value exists only in memory
 * between PRO's answer and the seal, and is wiped after.
 */
@ApplicationScoped
public class KeyRotation {

    static final int LIFETIME_DAYS = 364;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    @Inject
    CredentialService credentials;

    @Inject
    CredentialProbe probe;

    @Inject
    io.progate.team.TeamService teams;

    @Inject
    ProApiKeys keys;

    @Inject
    AuditLog audit;

    /** What a rotation did: the key now in use, whether it is a new one, and why not when it is not. */
    public record Result(boolean rotated, Credential inUse, String message) {
    }

    /** One key PRO lists for the team's key user, and the team's credential it is (null: unmanaged). */
    public record ProKey(String name, List<String> scopes, String expirationDate, Long credentialId) {
    }

    /** The account's keys as PRO lists them (empty with the reason when they cannot be read) and the cleanup list. */
    public record ProKeys(List<ProKey> keys, String problem, List<ProKeyCleanup> cleanup) {

        public List<ProKey> unmanaged() {
            return keys.stream().filter(k -> k.credentialId() == null).toList();
        }

        public Optional<ProKey> of(Credential c) {
            return keys.stream().filter(k -> c.id.equals(k.credentialId())).findFirst();
        }

        /** The key's name in PRO: stored, or as matched in PRO's list; empty when unknown. */
        public String nameOf(Credential c) {
            return c.proName != null ? c.proName : of(c).map(ProKey::name).orElse("");
        }

        /** The expiry PRO reports for the key; empty when PRO's list could not be matched. */
        public String expiryOf(Credential c) {
            return of(c).map(ProKey::expirationDate).orElse(c.proExpiresOn == null ? "" : c.proExpiresOn.toString());
        }
    }

    /**
     * What PRO lists with the team's newest key carrying the APIKey scope, each matched to the team's
     * credentials (by stored name, or by expiry and scopes). A read: nothing is stored.
     */
    public ProKeys proKeys(String slug, User user) {
        Team team = teams.require(slug, user);
        List<Credential> active = QuarkusTransaction.requiringNew().call(() -> Credential.activeOf(Team.findById(team.id)));
        List<ProKeyCleanup> cleanup = QuarkusTransaction.requiringNew().call(() -> ProKeyCleanup.openOf(team.id));
        Optional<Credential> key = QuarkusTransaction.requiringNew().call(() -> credentials.usableFor(
                Team.findById(team.id), ProScope.API_KEY));
        if (key.isEmpty()) {
            return new ProKeys(List.of(), "the team has no usable key with the " + ProScope.API_KEY.wireName()
                    + " scope, so PRO's list of keys cannot be read", cleanup);
        }
        try {
            List<ProApiKey> listed = credentials.withSecret(key.get(), secret -> keys.list(
                    new ProAccount(team.proUrl, secret.reveal())));
            List<ProKey> result = listed.stream().map(k -> new ProKey(k.name(), k.scopes(), k.expirationDate(),
                    active.stream().filter(c -> matches(k, c)).map(c -> c.id).findFirst().orElse(null))).toList();
            return new ProKeys(result, null, cleanup);
        } catch (ProException | ConflictException e) {
            return new ProKeys(List.of(), "PRO's list of keys could not be read: " + e.getMessage(), cleanup);
        }
    }

    /** Sets the days before expiry at which the team's keys rotate (null: never); approvers and admins. */
    public Team setRotationDays(String slug, User user, Integer days) {
        Team team = credentials.requireManager(slug, user);
        new io.progate.common.Validator().check(days == null || (days >= 1 && days <= 180), "days",
                "from 1 to 180, or empty to switch automatic rotation off").throwIfInvalid();
        return QuarkusTransaction.requiringNew().call(() -> {
            Team row = Team.findById(team.id);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("from", row.keyRotationDays == null ? "off" : row.keyRotationDays);
            details.put("to", days == null ? "off" : days);
            row.keyRotationDays = days;
            audit.record(AuditRecord.of("team.key-rotation", "team", row.slug).team(row.id).details(details));
            return row;
        });
    }

    /** On demand, by an approver of the team or an admin (403 otherwise, audited; nothing changes). */
    public Result rotate(String slug, User user, long id) {
        Team team;
        try {
            team = credentials.requireManager(slug, user);
        } catch (ForbiddenException e) {
            Team visible = teams.require(slug, user);
            QuarkusTransaction.requiringNew().run(() -> audit.record(AuditRecord.of("credential.rotate", "credential",
                    Long.toString(id)).team(visible.id).actor(user.username)
                    .details(Map.of("refused", 403, "reason", "only approvers of the team and admins rotate its keys"))
                    .failure()));
            throw e;
        }
        Credential old = QuarkusTransaction.requiringNew().call(() -> CredentialService.activeOrNotFound(
                Team.findById(team.id), id));
        return rotate(team, old, user.username);
    }

    /**
     * Rotates every key due at {@code now}: active, with the APIKey scope, of a team that rotates keys,
     * expiring within the team's number of days. Each in turn; one failure does not stop the others.
     */
    public int rotateDue(Instant now) {
        return rotateDue(now, null);
    }

    /** Same, for one team only when {@code teamId} is set. */
    int rotateDue(Instant now, Long teamId) {
        List<long[]> due = QuarkusTransaction.requiringNew().call(() -> Credential.rotatable().stream()
                .filter(c -> teamId == null || teamId.equals(c.team.id))
                .filter(c -> c.scopeSet().contains(ProScope.API_KEY) && c.isUsableAt(now)
                        && !c.expiresAt.isAfter(now.plus(java.time.Duration.ofDays(c.team.keyRotationDays))))
                .map(c -> new long[] {c.team.id, c.id}).toList());
        int rotated = 0;
        for (long[] pair : due) {
            Team team = QuarkusTransaction.requiringNew().call(() -> Team.<Team>findById(pair[0]));
            Credential old = QuarkusTransaction.requiringNew().call(() -> Credential.<Credential>findById(pair[1]));
            try {
                rotated += rotate(team, old, AuditLog.SYSTEM).rotated() ? 1 : 0;
            } catch (RuntimeException e) {
                io.quarkus.logging.Log.warnf("Rotation of credential %d of team %s failed: %s", old.id, team.slug,
                        e.getClass().getSimpleName());
            }
        }
        return rotated;
    }

    Result rotate(Team team, Credential old, String actor) {
        if (!old.isActive()) {
            throw new ConflictException("the key is no longer active");
        }
        if (!old.scopeSet().contains(ProScope.API_KEY)) {
            throw new ConflictException("only a key with the " + ProScope.API_KEY.wireName()
                    + " scope can rotate itself through PRO");
        }
        credentials.refuseDisallowedUrl(team);
        return credentials.withSecret(old, secret -> run(team, old, actor, new ProAccount(team.proUrl, secret.reveal())));
    }

    private Result run(Team team, Credential old, String actor, ProAccount oldAccount) {
        Set<ProScope> scopes = old.scopeSet();
        String oldName = old.proName != null ? old.proName : identify(oldAccount, old).orElse(null);
        LocalDate expiresOn = LocalDate.now(ZoneOffset.UTC).plusDays(LIFETIME_DAYS);
        String newName = "progate-" + team.slug + "-" + STAMP.format(Instant.now());
        List<String> scopeNames = scopes.stream().map(ProScope::wireName).collect(Collectors.toList());
        ProApiKey created;
        try {
            created = keys.create(oldAccount, new NewApiKey(newName, expiresOn, scopeNames));
        } catch (ProException e) {
            return failed(team, old, actor, "create", "PRO did not create the new key: " + e.getMessage(), null);
        }
        step(team, old, actor, "create", true, Map.of("name", newName, "expiresOn", expiresOn.toString(),
                "scopes", scopeNames));
        if (created == null || created.value() == null || created.value().isBlank()) {
            return failed(team, old, actor, "create", "PRO's answer carried no key value", cleanupNew(team, old,
                    oldAccount, newName, "PRO's answer carried no key value"));
        }
        char[] value = created.value().trim().toCharArray();
        try {
            Verification verification;
            try (Secret fresh = new Secret(value.clone())) {
                verification = probe.probe(team.proUrl, fresh, scopes);
            }
            step(team, old, actor, "verify", verification.passed(), Map.of("name", newName, "result",
                    verification.summary()));
            if (!verification.passed()) {
                String reason = "the new key failed verification: " + verification.summary();
                return failed(team, old, actor, "verify", reason, cleanupNew(team, old, oldAccount, newName, reason));
            }
            Credential now;
            try {
                now = QuarkusTransaction.requiringNew().call(() -> switchTo(team, old, actor, newName, expiresOn, value));
            } catch (RuntimeException e) {
                String reason = "the new key could not be stored: " + (e instanceof ConflictException ? e.getMessage()
                        : e.getClass().getSimpleName());
                return failed(team, old, actor, "switch", reason, cleanupNew(team, old, oldAccount, newName, reason));
            }
            deleteOld(team, now, actor, oldName, new ProAccount(team.proUrl, new String(value)));
            return new Result(true, now, "rotated: the team uses " + newName + " from now on");
        } finally {
            java.util.Arrays.fill(value, '\0');
        }
    }

    /** Seals the new key, retires the old one and records the switch, in one transaction. */
    private Credential switchTo(Team team, Credential old, String actor, String newName, LocalDate expiresOn,
            char[] value) {
        Credential previous = CredentialService.activeOrNotFound(Team.findById(team.id), old.id);
        if (previous.version != old.version) {
            throw new ConflictException("the key was changed meanwhile");
        }
        long newId = Credential.nextId();
        Instant now = Instant.now();
        previous.replacedAt = now;
        previous.replacedBy = newId;
        previous.retiredReason = "rotated through PRO";
        previous.shred();
        Credential.flush();
        CredentialRules.Parsed parsed = new CredentialRules.Parsed(previous.label, value.clone(), previous.scopeSet(),
                expiresOn.atStartOfDay(ZoneOffset.UTC).toInstant());
        Credential created;
        try {
            created = credentials.insert(newId, previous.team, parsed, actor, true);
        } finally {
            java.util.Arrays.fill(parsed.key(), '\0');
        }
        created.proName = newName;
        created.proExpiresOn = expiresOn;
        created.lastRotatedAt = now;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("step", "switch");
        details.put("label", created.label);
        details.put("name", newName);
        details.put("replaces", previous.id);
        details.put("previousLast4", previous.last4);
        details.put("last4", created.last4);
        details.put("expiresAt", created.expiresAt.toString());
        audit.record(AuditRecord.of("credential.rotate.switch", "credential", created.id.toString()).team(team.id)
                .actor(actor).details(details));
        return created;
    }

    /** Deletes the old key in PRO with the new one; what cannot be deleted is listed for cleanup. */
    private void deleteOld(Team team, Credential now, String actor, String oldName, ProAccount newAccount) {
        if (oldName == null) {
            String reason = "ProGate could not tell which of the account's keys the old one was (no unique key with"
                    + " its expiry and scopes); delete it in PRO by hand";
            listForCleanup(team, now.id, "(the key replaced by " + now.proName + ")", reason);
            step(team, now, actor, "delete-old", false, Map.of("reason", reason));
            return;
        }
        try {
            keys.delete(newAccount, oldName);
            step(team, now, actor, "delete-old", true, Map.of("name", oldName));
        } catch (ProException e) {
            String reason = "PRO did not delete the old key: " + e.getMessage();
            listForCleanup(team, now.id, oldName, reason);
            step(team, now, actor, "delete-old", false, Map.of("name", oldName, "reason", reason));
        }
    }

    /** After a failure, deletes the new key in PRO with the old one; returns the reason it stays, or null. */
    private String cleanupNew(Team team, Credential old, ProAccount oldAccount, String newName, String why) {
        try {
            keys.delete(oldAccount, newName);
            step(team, old, AuditLog.SYSTEM, "delete-new", true, Map.of("name", newName));
            return null;
        } catch (ProException e) {
            String reason = why + "; deleting it again failed: " + e.getMessage();
            listForCleanup(team, old.id, newName, reason);
            step(team, old, AuditLog.SYSTEM, "delete-new", false, Map.of("name", newName, "reason", reason));
            return reason;
        }
    }

    private Result failed(Team team, Credential old, String actor, String step, String reason, String leftOver) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("step", step);
        details.put("reason", reason);
        details.put("inUse", old.label + " ****" + old.last4);
        if (leftOver != null) {
            details.put("listedForCleanup", true);
        }
        QuarkusTransaction.requiringNew().run(() -> audit.record(AuditRecord.of("credential.rotate", "credential",
                old.id.toString()).team(team.id).actor(actor).details(details).failure()));
        return new Result(false, old, "not rotated, the old key stays in use: " + reason);
    }

    private void step(Team team, Credential credential, String actor, String step, boolean ok, Map<String, Object> more) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("step", step);
        details.putAll(more);
        QuarkusTransaction.requiringNew().run(() -> {
            AuditRecord record = AuditRecord.of("credential.rotate." + step, "credential", credential.id.toString())
                    .team(team.id).actor(actor).details(details);
            audit.record(ok ? record : record.failure());
        });
    }

    private void listForCleanup(Team team, Long credentialId, String name, String reason) {
        QuarkusTransaction.requiringNew().run(() -> {
            ProKeyCleanup row = new ProKeyCleanup();
            row.teamId = team.id;
            row.credentialId = credentialId;
            row.proName = name;
            row.reason = reason.length() > 2000 ? reason.substring(0, 2000) : reason;
            row.createdAt = Instant.now();
            row.persist();
        });
    }

    /**
     * The PRO key a credential saved by hand is: the only one of the account's keys (as the key itself
     * lists them) with the credential's expiry date and scopes; empty when none or several match.
     */
    Optional<String> identify(ProAccount account, Credential credential) {
        List<ProApiKey> listed;
        try {
            listed = keys.list(account);
        } catch (ProException e) {
            return Optional.empty();
        }
        List<ProApiKey> matches = listed.stream().filter(k -> matches(k, credential)).toList();
        return matches.size() == 1 ? Optional.ofNullable(matches.get(0).name()) : Optional.empty();
    }

    static boolean matches(ProApiKey key, Credential credential) {
        if (credential.proName != null) {
            return credential.proName.equals(key.name());
        }
        Set<ProScope> scopes = key.scopes() == null ? Set.of() : key.scopes().stream().map(ProScope::parse)
                .flatMap(Optional::stream).collect(Collectors.toSet());
        LocalDate day = credential.expiresAt.atZone(ZoneOffset.UTC).toLocalDate();
        return scopes.equals(credential.scopeSet()) && key.expirationDate() != null
                && (key.expirationDate().startsWith(day.toString()) || key.expirationDate().startsWith(day.minusDays(1)
                        .toString()));
    }
}

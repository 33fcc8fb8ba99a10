package io.progate.credential;

import io.progate.account.User;
import io.progate.audit.AuditLog;
import io.progate.audit.AuditRecord;
import io.progate.common.ConflictException;
import io.progate.common.LastUse;
import io.progate.common.Paging;
import io.progate.credential.seal.Secret;
import io.progate.pro.model.ProScope;
import io.progate.team.ProUrlChanged;
import io.progate.team.ProUrls;
import io.progate.team.Team;
import io.progate.team.TeamService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A team's PRO API keys. Members see the list; approvers of the team and admins add, replace, verify and
 * remove. PRO is asked (outside any transaction) before a key is saved; the key is sealed before its row
 * is first written.
 */
@ApplicationScoped
public class CredentialService {

    /** Keys expiring within this many days are flagged on the team page and dashboard. */
    public static final int EXPIRY_NOTICE_DAYS = 30;

    @Inject
    TeamService teams;

    @Inject
    Vault vault;

    @Inject
    CredentialProbe probe;

    @Inject
    AuditLog audit;

    @Inject
    ProUrls proUrls;

    @Inject
    jakarta.enterprise.inject.Instance<io.quarkus.security.identity.SecurityIdentity> identity;

    private final LastUse<Long> lastUse = new LastUse<>();

    /** Active keys of a team the user may see (404 otherwise). */
    public List<Credential> list(String slug, User user) {
        return Credential.activeOf(teams.require(slug, user));
    }

    /** A page of the active keys of a team the user may see (404 otherwise), newest first. */
    public Paging.Page<Credential> activePage(String slug, User user, Paging paging) {
        return Credential.activePage(teams.require(slug, user), paging);
    }

    /** A page of all the team's keys, active or not, newest first. */
    public Paging.Page<Credential> allPage(String slug, User user, Paging paging) {
        return Credential.allPage(teams.require(slug, user), paging);
    }

    public Credential get(String slug, User user, long id) {
        Team team = teams.require(slug, user);
        return Credential.ofTeam(team, id).orElseThrow(() -> new NotFoundException("no such credential"));
    }

    /** Whether the user may add, replace, verify and remove the team's keys. */
    public boolean canManage(Team team, User user) {
        return user.admin || teams.isApprover(team, user);
    }

    /** Active keys of the team expiring within {@value #EXPIRY_NOTICE_DAYS} days, or already expired. */
    public static List<Credential> expiringSoon(Team team) {
        Instant now = Instant.now();
        return Credential.expiringBetween(team, Instant.EPOCH, now.plus(EXPIRY_NOTICE_DAYS, ChronoUnit.DAYS));
    }

    /**
     * The key to use for a call that needs {@code scope}: the team's newest active, unexpired key carrying
     * it. Empty means a request needing that scope cannot be submitted.
     */
    public Optional<Credential> usableFor(Team team, ProScope scope) {
        Instant now = Instant.now();
        return Credential.activeOf(team).stream()
                .filter(c -> c.isUsableAt(now) && c.scopeSet().contains(scope))
                .findFirst();
    }

    /**
     * The only way to a stored key: opens it, marks the credential used, lends the key to {@code use}
     * (outside any transaction) and wipes it afterwards.
     */
    public <T> T withSecret(Credential credential, Function<Secret, T> use) {
        Secret secret = QuarkusTransaction.requiringNew().call(() -> {
            Credential current = Credential.<Credential>findByIdOptional(credential.id)
                    .orElseThrow(() -> new NotFoundException("no such credential"));
            Instant now = Instant.now();
            if (!current.isUsableAt(now)) {
                throw new ConflictException("credential " + current.label + " is " + (current.isActive()
                        ? "expired" : "retired") + " and cannot be used");
            }
            refuseDisallowedUrl(current.team);
            Secret opened = vault.open(current);
            if (lastUse.due(current.id, now)) {
                // a guarded bulk update, at most once a minute: concurrent uses of one key never queue on its row
                Credential.update("lastUsedAt = ?1 where id = ?2 and (lastUsedAt is null or lastUsedAt < ?3)", now,
                        current.id, LastUse.staleBefore(now));
            }
            return opened;
        });
        try (secret) {
            return use.apply(secret);
        }
    }

    public Credential add(String slug, User user, CredentialInput input) {
        Team team = requireManager(slug, user);
        CredentialRules.Parsed key = CredentialRules.parse(input, input.label(), null, Instant.now());
        try {
            if (Credential.activeOf(team).stream().anyMatch(c -> c.label.equalsIgnoreCase(key.label()))) {
                throw new ConflictException("the team has an active key labelled " + key.label()
                        + "; replace it or choose another label");
            }
            Verification verification = verifyOrRefuse(team, key, input.unverifiedAllowed(), null);
            return QuarkusTransaction.requiringNew().call(() -> {
                Credential created = insert(Team.findById(team.id), key, user.username, verification.passed());
                recordVerification(team, created.id.toString(), created.label, verification);
                audit.record(AuditRecord.of("credential.add", "credential", created.id.toString()).team(team.id)
                        .details(describe(created, verification)));
                return created;
            });
        } finally {
            Arrays.fill(key.key(), '\0');
        }
    }

    /** A new value under the same label; the old row stays as history, its sealed value destroyed. */
    public Credential replace(String slug, User user, long id, CredentialInput input) {
        Team team = requireManager(slug, user);
        Credential old = activeOrNotFound(team, id);
        CredentialRules.Parsed key = CredentialRules.parse(input, old.label, old.scopeSet(), Instant.now());
        try {
            Verification verification = verifyOrRefuse(team, key, input.unverifiedAllowed(), old.id);
            return QuarkusTransaction.requiringNew().call(() -> {
                Credential previous = activeOrNotFound(Team.findById(team.id), id);
                if (previous.version != old.version) {
                    throw new ConflictException("the key was changed meanwhile; reload and try again");
                }
                long newId = Credential.nextId();
                previous.replacedAt = Instant.now();
                previous.replacedBy = newId;
                previous.shred();
                Credential.flush();
                Credential created = insert(newId, previous.team, key, user.username, verification.passed());
                recordVerification(team, created.id.toString(), created.label, verification);
                Map<String, Object> details = describe(created, verification);
                details.put("replaces", previous.id);
                details.put("previousLast4", previous.last4);
                audit.record(AuditRecord.of("credential.replace", "credential", created.id.toString()).team(team.id)
                        .details(details));
                return created;
            });
        } finally {
            Arrays.fill(key.key(), '\0');
        }
    }

    public void remove(String slug, User user, long id) {
        Team team = requireManager(slug, user);
        QuarkusTransaction.requiringNew().run(() -> {
            Credential credential = activeOrNotFound(Team.findById(team.id), id);
            credential.removedAt = Instant.now();
            credential.removedBy = user.username;
            credential.shred();
            audit.record(AuditRecord.of("credential.remove", "credential", credential.id.toString()).team(team.id)
                    .details(Map.of("label", credential.label, "last4", credential.last4)));
        });
    }

    /** Tries a stored key against PRO again and records the outcome. */
    public Verification verifyStored(String slug, User user, long id) {
        Team team = requireManager(slug, user);
        Credential credential = activeOrNotFound(team, id);
        Verification verification = withSecret(credential,
                secret -> probe.probe(team.proUrl, secret, credential.scopeSet()));
        QuarkusTransaction.requiringNew().run(() -> {
            Credential current = activeOrNotFound(Team.findById(team.id), id);
            current.verified = verification.passed();
            recordVerification(team, current.id.toString(), current.label, verification);
        });
        return verification;
    }

    private Verification verifyOrRefuse(Team team, CredentialRules.Parsed key, boolean unverifiedAllowed,
            Long replacing) {
        refuseDisallowedUrl(team);
        Verification verification;
        try (Secret secret = new Secret(key.key().clone())) {
            verification = probe.probe(team.proUrl, secret, key.scopes());
        }
        if (verification.passed()) {
            return verification;
        }
        if (!unverifiedAllowed) {
            QuarkusTransaction.requiringNew().run(() -> recordVerification(team,
                    replacing == null ? "new" : replacing.toString(), key.label(), verification));
            throw new VerificationFailedException(verification);
        }
        return verification;
    }

    /**
     * A changed PRO account URL retires every active key of the team, in the same transaction: the keys
     * belong to the old account and are never sent to the new one (their sealed values would not open
     * there anyway, being bound to the old URL). They stay in the history, unusable; approvers enter the
     * new account's keys.
     */
    void onProUrlChanged(@jakarta.enterprise.event.Observes ProUrlChanged change) {
        Team team = Team.findById(change.teamId());
        Instant now = Instant.now();
        String actor = actorName();
        for (Credential credential : Credential.activeOf(team)) {
            credential.removedAt = now;
            credential.removedBy = actor;
            credential.retiredReason = "the team's PRO account URL changed";
            credential.shred();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("label", credential.label);
            details.put("last4", credential.last4);
            details.put("reason", credential.retiredReason);
            details.put("previousProUrl", change.previousUrl());
            details.put("proUrl", change.newUrl());
            audit.record(AuditRecord.of("credential.retire", "credential", credential.id.toString()).team(team.id)
                    .details(details));
        }
    }

    void refuseDisallowedUrl(Team team) {
        proUrls.problem(ProUrls.normalise(team.proUrl)).ifPresent(problem -> {
            throw new ConflictException("the team's PRO account URL is not allowed: " + problem);
        });
    }

    private String actorName() {
        io.quarkus.arc.InjectableContext context = io.quarkus.arc.Arc.container().requestContext();
        if (context == null || !context.isActive() || identity.get().isAnonymous()) {
            return io.progate.audit.AuditLog.SYSTEM;
        }
        return identity.get().getPrincipal().getName();
    }

    void recordVerification(Team team, String targetId, String label, Verification verification) {
        AuditRecord record = AuditRecord.of("credential.verify", "credential", targetId).team(team.id)
                .details(Map.of("label", label, "passed", verification.passed(), "result", verification.summary()));
        audit.record(verification.passed() ? record : record.failure());
    }

    private Credential insert(Team team, CredentialRules.Parsed key, String createdBy, boolean verified) {
        return insert(Credential.nextId(), team, key, createdBy, verified);
    }

    /** Seals the key and writes its row, in the caller's transaction. */
    Credential insert(long id, Team team, CredentialRules.Parsed key, String createdBy, boolean verified) {
        Credential credential = new Credential();
        credential.id = id;
        credential.team = team;
        credential.createdAt = Instant.now();
        credential.label = key.label();
        credential.setScopes(key.scopes());
        credential.expiresAt = key.expiresAt();
        credential.last4 = key.last4();
        credential.verified = verified;
        credential.createdBy = createdBy;
        vault.seal(credential, key.key());
        credential.persist();
        return credential;
    }

    private static Map<String, Object> describe(Credential credential, Verification verification) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("label", credential.label);
        details.put("scopes", credential.scopeNames());
        details.put("expiresAt", credential.expiresAt.toString());
        details.put("last4", credential.last4);
        details.put("verified", verification.passed());
        details.put("verification", verification.summary());
        details.put("masterKeyId", credential.masterKeyId);
        return details;
    }

    Team requireManager(String slug, User user) {
        Team team = teams.require(slug, user);
        if (!canManage(team, user)) {
            throw new ForbiddenException("only approvers of the team manage its PRO keys");
        }
        return team;
    }

    static Credential activeOrNotFound(Team team, long id) {
        return Credential.ofTeam(team, id).filter(Credential::isActive)
                .orElseThrow(() -> new NotFoundException("no such active credential"));
    }
}

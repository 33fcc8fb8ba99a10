package io.progate.sso;

import io.progate.account.Passwords;
import io.progate.account.User;
import io.progate.audit.AuditRecord;
import io.progate.audit.AuditLog;
import io.progate.team.Membership;
import io.progate.team.Team;
import io.progate.team.TeamRole;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Makes or refreshes the ProGate account of a person the identity provider signed in. The account is
 * found by the provider's subject only: a local account with the same name is never taken over (the
 * new account gets a name of its own). Name, e-mail, the admin flag and the memberships that came from
 * the provider's groups are refreshed at every sign-in.
 */
@ApplicationScoped
public class SsoService {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    SsoConfig config;

    @Inject
    AuditLog audit;

    @Inject
    EntityManager em;

    /** Thrown when the account exists but is disabled: no session is started. */
    public static class DisabledException extends RuntimeException {
        DisabledException() {
            super("this account is disabled");
        }
    }

    @Transactional
    public User signIn(SsoProfile profile, String sourceIp) {
        if (profile.subject() == null || profile.subject().isBlank()) {
            throw new IllegalArgumentException("the identity provider sent no subject");
        }
        User user = User.bySsoSubject(profile.subject()).orElseGet(() -> create(profile, sourceIp));
        if (!user.enabled) {
            audit.record(AuditRecord.of("login.failure", "user", user.username).actor(user.username)
                    .sourceIp(sourceIp).failure().details(Map.of("method", "sso", "reason", "account disabled")));
            throw new DisabledException();
        }
        user.displayName = clip(firstNonBlank(profile.name(), profile.preferredUsername(), user.username), 200);
        user.email = clip(firstNonBlank(profile.email(), ""), 320);
        GroupMapping mapping = GroupMapping.of(profile.groups(), config.adminGroup(), config.teamGroupPattern());
        user.admin = mapping.admin();
        Map<String, Object> changes = syncMemberships(user, mapping);
        em.createNativeQuery("update app_user set last_login_at = ?1 where id = ?2")
                .setParameter(1, OffsetDateTime.now(ZoneOffset.UTC)).setParameter(2, user.id).executeUpdate();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("method", "sso");
        details.put("admin", user.admin);
        details.put("teams", mapping.teams());
        if (!changes.isEmpty()) {
            details.put("membershipChanges", changes);
        }
        audit.record(AuditRecord.of("login.success", "user", user.username).actor(user.username).sourceIp(sourceIp)
                .details(details));
        return user;
    }

    private User create(SsoProfile profile, String sourceIp) {
        User user = new User();
        user.username = freeUsername(firstNonBlank(profile.preferredUsername(), profile.email(), "user"));
        user.displayName = clip(firstNonBlank(profile.name(), user.username), 200);
        user.email = clip(firstNonBlank(profile.email(), ""), 320);
        user.ssoSubject = profile.subject();
        user.passwordHash = Passwords.hash(unguessable());
        user.createdAt = Instant.now();
        user.persist();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("source", "sso");
        details.put("subject", profile.subject());
        details.put("preferredUsername", profile.preferredUsername());
        audit.record(AuditRecord.of("user.create", "user", user.username).actor(user.username).sourceIp(sourceIp)
                .details(details));
        return user;
    }

    /**
     * Adds and updates the memberships the groups give; removes those that came from the provider and
     * are no longer given. Memberships a person set stay unless the provider manages all memberships.
     */
    private Map<String, Object> syncMemberships(User user, GroupMapping mapping) {
        Map<String, Object> changes = new LinkedHashMap<>();
        boolean manage = config.manageMemberships();
        List<Membership> current = Membership.list("user", user);
        for (Membership m : current) {
            TeamRole wanted = mapping.teams().get(m.team.slug);
            if (!m.isFromSso() && !manage) {
                continue;
            }
            if (wanted == null) {
                m.delete();
                changes.put(m.team.slug, "removed");
                record("member.remove", m.team, user, m.role, null);
            } else if (m.role != wanted || !m.isFromSso()) {
                TeamRole before = m.role;
                m.role = wanted;
                m.source = Membership.SSO;
                changes.put(m.team.slug, wanted.name());
                record("member.update", m.team, user, wanted, before);
            }
        }
        mapping.teams().forEach((slug, role) -> {
            Optional<Team> team = Team.bySlug(slug);
            if (team.isEmpty() || current.stream().anyMatch(m -> m.team.slug.equals(slug))) {
                return;
            }
            Membership m = new Membership();
            m.team = team.get();
            m.user = user;
            m.role = role;
            m.source = Membership.SSO;
            m.persist();
            changes.put(slug, role.name());
            record("member.add", team.get(), user, role, null);
        });
        return changes;
    }

    private void record(String action, Team team, User user, TeamRole role, TeamRole before) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("username", user.username);
        details.put("role", role.name());
        if (before != null) {
            details.put("previousRole", before.name());
        }
        details.put("source", "sso");
        audit.record(AuditRecord.of(action, "team", team.slug).team(team.id).actor(user.username).details(details));
    }

    /** A name matching the username rule that nobody has: the provider's name, or it with {@code -sso}, {@code -sso2}, ... */
    static String freeUsername(String wanted) {
        String base = wanted.toLowerCase(Locale.ROOT);
        int at = base.indexOf('@');
        if (at > 0) {
            base = base.substring(0, at);
        }
        base = base.replaceAll("[^a-z0-9._-]", "-").replaceAll("^[^a-z0-9]+", "");
        if (base.length() < 2) {
            base = "user-" + base;
        }
        base = base.substring(0, Math.min(base.length(), 56));
        String name = base;
        for (int i = 1; User.byUsername(name).isPresent(); i++) {
            name = base + "-sso" + (i == 1 ? "" : Integer.toString(i));
        }
        return name;
    }

    private static String unguessable() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.trim();
            }
        }
        return "";
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}

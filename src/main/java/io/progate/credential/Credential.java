package io.progate.credential;

import io.progate.common.Paging;
import io.progate.credential.seal.Binding;
import io.progate.credential.seal.Sealed;
import io.progate.pro.model.ProScope;
import io.progate.team.Team;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A team's PRO API key: what may be shown (label, scopes, expiry, last four characters, who added it)
 * and the sealed value, which only {@link Vault} opens. Not a {@code BaseEntity}: the id comes from
 * {@code credential_id_seq} before insert, because the ciphertext is bound to it.
 */
@Entity
@Table(name = "credential")
public class Credential extends PanacheEntityBase {

    @Id
    public Long id;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Version
    public long version;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "team_id", updatable = false)
    public Team team;

    @Column(nullable = false)
    public String label;

    /** PRO scope names, comma-separated, in {@link ProScope} order. */
    @Column(nullable = false)
    public String scopes;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(nullable = false)
    public String last4;

    /** Whether PRO accepted the key for every scope when it was saved. */
    @Column(nullable = false)
    public boolean verified;

    @Column(name = "created_by", nullable = false, updatable = false)
    public String createdBy;

    @Column(name = "last_used_at")
    public Instant lastUsedAt;

    @Column(name = "ciphertext")
    byte[] ciphertext;

    @Column(name = "nonce")
    byte[] nonce;

    @Column(name = "wrapped_key")
    byte[] wrappedKey;

    @Column(name = "key_nonce")
    byte[] keyNonce;

    @Column(name = "master_key_id")
    public String masterKeyId;

    /** Which associated data the sealed value was made with ({@link Binding}): 2 binds the team's PRO URL. */
    @Column(name = "seal_version", nullable = false)
    public int sealVersion = Binding.CURRENT;

    /** Why the key left service, when not by an approver's replace or remove (a changed PRO URL). */
    @Column(name = "retired_reason")
    public String retiredReason;

    @Column(name = "replaced_at")
    public Instant replacedAt;

    /** Id of the credential that replaced this one. */
    @Column(name = "replaced_by")
    public Long replacedBy;

    @Column(name = "removed_at")
    public Instant removedAt;

    @Column(name = "removed_by")
    public String removedBy;

    /** The key's name in PRO, when known (rotation names the keys it creates; older keys are matched). */
    @Column(name = "pro_name")
    public String proName;

    /** The expiry date PRO reported for the key when ProGate created it. */
    @Column(name = "pro_expires_on")
    public java.time.LocalDate proExpiresOn;

    /** When this key replaced its predecessor by a rotation through PRO. */
    @Column(name = "last_rotated_at")
    public Instant lastRotatedAt;

    /** The smallest warning threshold (days) already recorded for this key. */
    @Column(name = "warned_days")
    public Integer warnedDays;

    public static long nextId() {
        return ((Number) getEntityManager().createNativeQuery("select nextval('credential_id_seq')").getSingleResult())
                .longValue();
    }

    /** Active (neither replaced nor removed) keys of the team, newest first. */
    public static List<Credential> activeOf(Team team) {
        return list("team = ?1 and replacedAt is null and removedAt is null order by createdAt desc, id desc", team);
    }

    /** A page of the team's active keys, newest (highest id) first, after the key whose id is the cursor. */
    public static Paging.Page<Credential> activePage(Team team, Paging paging) {
        return pageOf(team, " and replacedAt is null and removedAt is null", paging);
    }

    /** A page of the team's replaced and removed keys, newest first, after the key whose id is the cursor. */
    public static Paging.Page<Credential> retiredPage(Team team, Paging paging) {
        return pageOf(team, " and (replacedAt is not null or removedAt is not null)", paging);
    }

    /** A page of all the team's keys, active or not, newest first, after the key whose id is the cursor. */
    public static Paging.Page<Credential> allPage(Team team, Paging paging) {
        return pageOf(team, "", paging);
    }

    /** One statement on credential_team_id_ix: ids come from a sequence, so the newest key has the highest. */
    private static Paging.Page<Credential> pageOf(Team team, String state, Paging paging) {
        String query = "team = ?1" + state + (paging.cursor() == null ? "" : " and id < ?2") + " order by id desc";
        List<Credential> rows = (paging.cursor() == null ? find(query, team) : find(query, team, paging.cursor()))
                .range(0, paging.limit()).list();
        return paging.page(rows, c -> c.id);
    }

    public static Optional<Credential> ofTeam(Team team, long id) {
        return find("team = ?1 and id = ?2", team, id).firstResultOptional();
    }

    /** Active keys expiring after {@code from} and no later than {@code until}, soonest first. */
    public static List<Credential> expiringBetween(Instant from, Instant until) {
        return list("replacedAt is null and removedAt is null and expiresAt > ?1 and expiresAt <= ?2 order by expiresAt",
                from, until);
    }

    public static List<Credential> expiringBetween(Team team, Instant from, Instant until) {
        return list("team = ?1 and replacedAt is null and removedAt is null and expiresAt > ?2 and expiresAt <= ?3 "
                + "order by expiresAt", team, from, until);
    }

    /** Active keys of these teams expiring before {@code until} (or expired), soonest first, with their team. */
    public static List<Credential> expiringOfTeams(java.util.Collection<Long> teamIds, Instant until) {
        if (teamIds.isEmpty()) {
            return List.of();
        }
        return list("select c from Credential c join fetch c.team where c.team.id in ?1 and c.replacedAt is null"
                + " and c.removedAt is null and c.expiresAt <= ?2 order by c.expiresAt", teamIds, until);
    }

    /** Active keys with the APIKey scope of teams that rotate keys, expiring before {@code cutoff} of their team. */
    public static List<Credential> rotatable() {
        return list("select c from Credential c join fetch c.team t where c.replacedAt is null and c.removedAt is null"
                + " and t.keyRotationDays is not null and c.scopes like ?1 order by c.expiresAt", "%APIKey%");
    }

    public boolean isActive() {
        return replacedAt == null && removedAt == null;
    }

    public boolean isUsableAt(Instant now) {
        return isActive() && expiresAt.isAfter(now);
    }

    public Set<ProScope> scopeSet() {
        Set<ProScope> set = EnumSet.noneOf(ProScope.class);
        Arrays.stream(scopes.split(",")).map(ProScope::parse).flatMap(Optional::stream).forEach(set::add);
        return set;
    }

    public List<String> scopeNames() {
        return scopeSet().stream().map(ProScope::wireName).toList();
    }

    public void setScopes(Set<ProScope> set) {
        scopes = EnumSet.copyOf(set).stream().map(ProScope::wireName).collect(Collectors.joining(","));
    }

    /** Active keys still sealed without their team's PRO URL. */
    public static List<Credential> sealedWithoutUrl() {
        return list("sealVersion < ?1 and ciphertext is not null order by id", Binding.CURRENT);
    }

    Sealed sealed() {
        return ciphertext == null ? null : new Sealed(ciphertext, nonce, wrappedKey, keyNonce, masterKeyId);
    }

    void seal(Sealed sealed) {
        ciphertext = sealed.ciphertext();
        nonce = sealed.nonce();
        wrappedKey = sealed.wrappedKey();
        keyNonce = sealed.keyNonce();
        masterKeyId = sealed.masterKeyId();
    }

    /** Drops the sealed value: a retired key can never be opened again. */
    void shred() {
        ciphertext = null;
        nonce = null;
        wrappedKey = null;
        keyNonce = null;
        masterKeyId = null;
    }

    @Override
    public String toString() {
        return "Credential[" + id + " " + label + " ****" + last4 + "]";
    }
}

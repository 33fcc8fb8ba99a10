package io.progate.notify;

import io.progate.credential.seal.Sealed;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A team's webhook: where its messages are posted, in which format, for which kinds of event. The
 * signing secret is sealed like a PRO key and opened only to sign a body ({@link WebhookSender}).
 */
@Entity
@Table(name = "team_webhook")
public class TeamWebhook extends PanacheEntityBase {

    /** The purpose the secret is sealed under (part of its binding). */
    static final String SEAL_PURPOSE = "webhook";

    /** Taken from the sequence before insert: the sealed secret is bound to it. */
    @Id
    public Long id;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "team_id", nullable = false)
    public long teamId;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String url;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public WebhookFormat format;

    /** Comma-separated {@link NotificationKind} names. */
    @Column(nullable = false)
    public String kinds;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "secret_ciphertext", nullable = false)
    byte[] secretCiphertext;

    @Column(name = "secret_nonce", nullable = false)
    byte[] secretNonce;

    @Column(name = "wrapped_key", nullable = false)
    byte[] wrappedKey;

    @Column(name = "key_nonce", nullable = false)
    byte[] keyNonce;

    @Column(name = "master_key_id", nullable = false)
    public String masterKeyId;

    Sealed sealed() {
        return new Sealed(secretCiphertext, secretNonce, wrappedKey, keyNonce, masterKeyId);
    }

    void seal(Sealed sealed) {
        secretCiphertext = sealed.ciphertext();
        secretNonce = sealed.nonce();
        wrappedKey = sealed.wrappedKey();
        keyNonce = sealed.keyNonce();
        masterKeyId = sealed.masterKeyId();
    }

    public Set<NotificationKind> kindSet() {
        Set<NotificationKind> set = EnumSet.noneOf(NotificationKind.class);
        Arrays.stream(kinds.split(",")).filter(k -> !k.isBlank()).forEach(k -> set.add(NotificationKind.valueOf(k)));
        return set;
    }

    static String kindsText(Set<NotificationKind> kinds) {
        return kinds.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    static long nextId() {
        return ((Number) getEntityManager().createNativeQuery("select nextval('team_webhook_id_seq')").getSingleResult())
                .longValue();
    }

    public static List<TeamWebhook> ofTeam(long teamId) {
        return list("teamId = ?1 order by id", teamId);
    }

    /** Webhooks of the team that carry {@code kind}. */
    static List<TeamWebhook> forKind(long teamId, NotificationKind kind) {
        return ofTeam(teamId).stream().filter(w -> w.kindSet().contains(kind)).toList();
    }

    @Override
    public String toString() {
        return "TeamWebhook[" + id + ", " + name + "]";
    }
}

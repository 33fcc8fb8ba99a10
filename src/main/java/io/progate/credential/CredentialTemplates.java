package io.progate.credential;

import io.progate.team.Team;
import io.quarkus.qute.TemplateExtension;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Credential helpers for templates, including the expiry notice on the team page and dashboard. */
@TemplateExtension
public final class CredentialTemplates {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private CredentialTemplates() {
    }

    static String credentialsUrl(Team team) {
        return "/teams/" + team.slug + "/credentials";
    }

    static String credentialUrl(Team team, Long id, String action) {
        return credentialsUrl(team) + "/" + id + "/" + action;
    }

    static String rotationUrl(Team team) {
        return credentialsUrl(team) + "/rotation";
    }

    static String expiryDay(Credential credential) {
        return DAY.format(credential.expiresAt);
    }

    /** "in 12 days", "in 5 hours", "expired". */
    static String expiresIn(Credential credential) {
        Duration left = Duration.between(Instant.now(), credential.expiresAt);
        if (left.isNegative() || left.isZero()) {
            return "expired";
        }
        return left.toDays() >= 1 ? "in " + left.toDays() + " day" + (left.toDays() == 1 ? "" : "s")
                : "in " + Math.max(1, left.toHours()) + " hour(s)";
    }

    static boolean expiresSoon(Credential credential) {
        return credential.expiresAt.isBefore(Instant.now().plus(Duration.ofDays(CredentialService.EXPIRY_NOTICE_DAYS)));
    }

    static String addedWhen(Credential credential) {
        return when(credential.createdAt);
    }

    static String lastUsed(Credential credential) {
        return when(credential.lastUsedAt);
    }

    /** "removed by x, date", "retired (reason) by x, date" or "replaced date". */
    static String retired(Credential credential) {
        if (credential.removedAt != null) {
            return (credential.retiredReason == null ? "removed" : "retired (" + credential.retiredReason + ")")
                    + " by " + credential.removedBy + ", " + when(credential.removedAt);
        }
        return "replaced " + when(credential.replacedAt);
    }

    private static String when(Instant instant) {
        return instant == null ? "never" : MINUTE.format(instant);
    }
}

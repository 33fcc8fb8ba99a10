package io.progate.sso;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * Single sign-on with an OpenID Connect provider. Client id and secret go to Quarkus's OIDC settings
 * (PROGATE_OIDC_CLIENT_ID, PROGATE_OIDC_CLIENT_SECRET); everything here maps the provider's groups.
 */
@ConfigMapping(prefix = "progate.oidc")
public interface SsoConfig {

    /** The provider's issuer URL (PROGATE_OIDC_ISSUER); single sign-on is off without it. */
    Optional<String> issuer();

    /** The ID/access token claim that lists the user's groups (PROGATE_OIDC_GROUPS_CLAIM). */
    @WithDefault("groups")
    String groupsClaim();

    /** Members of this group are portal admins (PROGATE_OIDC_ADMIN_GROUP). */
    @WithDefault("progate-admins")
    String adminGroup();

    /**
     * Groups that make team memberships (PROGATE_OIDC_TEAM_GROUP_PATTERN): a regular expression with the
     * named groups {@code team} (the team's slug) and {@code role} ({@code approvers} or {@code members}).
     */
    @WithDefault("pro-(?<team>[a-z0-9][a-z0-9-]*)-(?<role>approvers|members)")
    String teamGroupPattern();

    /**
     * When true (PROGATE_OIDC_MANAGE_MEMBERSHIPS), the provider's groups are the only source of
     * memberships: manual changes are refused, and a sign-in removes memberships its groups do not give.
     */
    @WithDefault("false")
    boolean manageMemberships();

    /** Whether single sign-on is configured. */
    default boolean enabled() {
        return issuer().filter(i -> !i.isBlank()).isPresent();
    }
}

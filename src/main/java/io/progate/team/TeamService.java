package io.progate.team;

import io.progate.account.User;
import io.progate.audit.AuditLog;
import io.progate.audit.AuditRecord;
import io.progate.common.ConflictException;
import io.progate.common.Validator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Teams and their members. Changing them is for admins; the callers' roles enforce that. */
@ApplicationScoped
public class TeamService {

    static final Pattern SLUG = Pattern.compile("^[a-z0-9][a-z0-9-]{1,63}$");

    /** PROGATE_OIDC_ISSUER and PROGATE_OIDC_MANAGE_MEMBERSHIPS (io.progate.sso.SsoConfig), read here by name. */
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "progate.oidc.issuer")
    Optional<String> ssoIssuer;

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "progate.oidc.manage-memberships", defaultValue = "false")
    boolean ssoManagesMemberships;

    @Inject
    AuditLog audit;

    @Inject
    ProUrls proUrls;

    @Inject
    jakarta.enterprise.event.Event<ProUrlChanged> proUrlChanged;

    @Inject
    Instance<TeamNotices> notices;

    /** Fields of a new team, or of a change to one (null means unchanged). */
    public record TeamInput(String slug, String name, String proUrl) {
    }

    /** The teams a user may see: all for admins, their own for everyone else. */
    public List<Team> visibleTo(User user) {
        return user.admin ? Team.allByName() : Team.of(user);
    }

    /** What every feature has to tell the team now, for its page. */
    public List<TeamNotice> noticesAbout(Team team) {
        return notices.stream().flatMap(n -> n.about(team).stream()).toList();
    }

    /** The team, if the user may see it; otherwise 404, so that its existence is not revealed. */
    public Team require(String slug, User user) {
        return Team.bySlug(slug)
                .filter(team -> user.admin || Membership.of(team, user).isPresent())
                .orElseThrow(() -> new NotFoundException("no such team"));
    }

    public Optional<TeamRole> roleOf(Team team, User user) {
        return Membership.of(team, user).map(m -> m.role);
    }

    public boolean isMember(Team team, User user) {
        return Membership.of(team, user).isPresent();
    }

    public boolean isApprover(Team team, User user) {
        return roleOf(team, user).filter(role -> role == TeamRole.APPROVER).isPresent();
    }

    @Transactional
    public Team create(TeamInput input) {
        String slug = input.slug() == null ? null : input.slug().trim().toLowerCase();
        Validator v = new Validator()
                .require("slug", slug, "Slug")
                .matches("slug", slug, SLUG, "2 to 64 characters: lower-case letters, digits or '-'")
                .require("name", input.name(), "Name")
                .maxLength("name", input.name(), 200);
        String proUrl = checkProUrl(v, input.proUrl(), true);
        v.throwIfInvalid();
        if (Team.bySlug(slug).isPresent()) {
            throw new ConflictException("team " + slug + " exists already");
        }
        Team team = new Team();
        team.slug = slug;
        team.name = input.name().trim();
        team.proUrl = proUrl;
        team.persist();
        audit.record(AuditRecord.of("team.create", "team", team.slug).team(team.id)
                .details(Map.of("name", team.name, "proUrl", team.proUrl)));
        return team;
    }

    @Transactional
    public Team update(String slug, TeamInput changes) {
        Team team = Team.bySlug(slug).orElseThrow(() -> new NotFoundException("no such team"));
        Validator v = new Validator();
        if (changes.name() != null) {
            v.require("name", changes.name(), "Name").maxLength("name", changes.name(), 200);
        }
        String proUrl = checkProUrl(v, changes.proUrl(), false);
        v.throwIfInvalid();
        Map<String, Object> changed = new LinkedHashMap<>();
        if (changes.name() != null && !changes.name().trim().equals(team.name)) {
            team.name = changes.name().trim();
            changed.put("name", team.name);
        }
        String previousUrl = team.proUrl;
        if (proUrl != null && !proUrl.equals(ProUrls.normalise(team.proUrl))) {
            team.proUrl = proUrl;
            changed.put("proUrl", team.proUrl);
        }
        if (!changed.isEmpty()) {
            audit.record(AuditRecord.of("team.update", "team", team.slug).team(team.id).details(changed));
        }
        if (changed.containsKey("proUrl")) {
            // the team's keys belong to the old account: they are retired and must be entered again
            proUrlChanged.fire(new ProUrlChanged(team.id, team.slug, previousUrl, team.proUrl));
        }
        return team;
    }

    @Transactional
    public void delete(String slug) {
        Team team = Team.bySlug(slug).orElseThrow(() -> new NotFoundException("no such team"));
        audit.record(AuditRecord.of("team.delete", "team", team.slug).team(team.id).details(Map.of("name", team.name)));
        team.delete();
    }

    @Transactional
    public Membership setMember(String slug, String username, TeamRole role) {
        Team team = Team.bySlug(slug).orElseThrow(() -> new NotFoundException("no such team"));
        refuseWhenProviderManagesMemberships();
        if (role == null) {
            throw new io.progate.common.InvalidInputException("role", "MEMBER or APPROVER");
        }
        User user = User.byUsername(username).orElseThrow(() -> new NotFoundException("no such user"));
        Membership membership = Membership.of(team, user).orElseGet(() -> {
            Membership m = new Membership();
            m.team = team;
            m.user = user;
            return m;
        });
        TeamRole before = membership.role;
        membership.role = role;
        membership.source = Membership.LOCAL;
        if (membership.id == null) {
            membership.persist();
        }
        if (before != role) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("username", user.username);
            details.put("role", role.name());
            if (before != null) {
                details.put("previousRole", before.name());
            }
            audit.record(AuditRecord.of(before == null ? "member.add" : "member.update", "team", team.slug)
                    .team(team.id).details(details));
        }
        return membership;
    }

    @Transactional
    public void removeMember(String slug, String username) {
        Team team = Team.bySlug(slug).orElseThrow(() -> new NotFoundException("no such team"));
        refuseWhenProviderManagesMemberships();
        User user = User.byUsername(username).orElseThrow(() -> new NotFoundException("no such user"));
        Membership membership = Membership.of(team, user).orElseThrow(() -> new NotFoundException("not a member"));
        membership.delete();
        audit.record(AuditRecord.of("member.remove", "team", team.slug).team(team.id)
                .details(Map.of("username", user.username, "role", membership.role.name())));
    }

    /** With PROGATE_OIDC_MANAGE_MEMBERSHIPS=true the identity provider's groups are the only source of memberships. */
    private void refuseWhenProviderManagesMemberships() {
        if (ssoManagesMemberships && ssoIssuer.filter(i -> !i.isBlank()).isPresent()) {
            throw new ConflictException("memberships come from the identity provider's groups"
                    + " (PROGATE_OIDC_MANAGE_MEMBERSHIPS=true); change them there");
        }
    }

    /**
     * A PRO account URL: http(s), a host, no query, allowed by {@link ProUrls#problem}; stored in its
     * normal form ({@link ProUrls#normalise}).
     */
    String checkProUrl(Validator v, String raw, boolean required) {
        if (raw == null) {
            if (required) {
                v.require("proUrl", null, "PRO account URL");
            }
            return null;
        }
        String url = raw.trim();
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        try {
            URI uri = new URI(url);
            boolean ok = ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null && uri.getQuery() == null && uri.getFragment() == null
                    && uri.getUserInfo() == null && url.length() <= 500;
            v.check(ok, "proUrl", "an http(s) URL such as https://acme.aimms.cloud, without query or credentials");
            if (ok) {
                url = ProUrls.normalise(url);
                proUrls.problem(url).ifPresent(problem -> v.check(false, "proUrl", "not allowed: " + problem));
            }
        } catch (URISyntaxException e) {
            v.check(false, "proUrl", "an http(s) URL such as https://acme.aimms.cloud");
        }
        return url;
    }
}

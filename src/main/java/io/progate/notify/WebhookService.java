package io.progate.notify;

import io.progate.account.User;
import io.progate.audit.AuditLog;
import io.progate.audit.AuditRecord;
import io.progate.common.Validator;
import io.progate.credential.Vault;
import io.progate.team.ProUrls;
import io.progate.team.Team;
import io.progate.team.TeamService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Team webhooks, managed by the team's approvers (and admins). A new webhook gets a random signing
 * secret that is shown once, in the answer to its creation, and otherwise only ever held sealed.
 */
@ApplicationScoped
public class WebhookService {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    TeamService teams;

    @Inject
    ProUrls urls;

    @Inject
    Vault vault;

    @Inject
    AuditLog audit;

    /** What a new webhook asks for. */
    public record WebhookInput(String name, String url, String format, Set<NotificationKind> kinds) {
    }

    /** A webhook just made, with its secret: the only time the secret is in the clear. */
    public record Created(TeamWebhook webhook, String secret) {
        @Override
        public String toString() {
            return "Created[" + webhook + ", secret=****]";
        }
    }

    public boolean canManage(Team team, User user) {
        return user.admin || teams.isApprover(team, user);
    }

    public List<TeamWebhook> list(String slug, User user) {
        return TeamWebhook.ofTeam(requireManager(slug, user).id);
    }

    public Created create(String slug, User user, WebhookInput input) {
        Team team = requireManager(slug, user);
        String name = input.name() == null ? "" : input.name().trim();
        String url = input.url() == null ? "" : input.url().trim();
        Validator v = new Validator().require("name", name, "A name").maxLength("name", name, 100)
                .require("url", url, "The webhook URL").maxLength("url", url, 2000);
        WebhookFormat format = parseFormat(input.format());
        v.check(format != null, "format", "choose JSON, SLACK or TEAMS");
        Set<NotificationKind> kinds = input.kinds() == null ? EnumSet.noneOf(NotificationKind.class)
                : EnumSet.copyOf(input.kinds().isEmpty() ? EnumSet.noneOf(NotificationKind.class) : input.kinds());
        kinds.removeIf(k -> !k.forWebhooks());
        v.check(!kinds.isEmpty(), "kinds", "choose at least one kind of event");
        if (!v.hasErrorOn("url")) {
            boolean web = url.startsWith("https://") || url.startsWith("http://");
            v.check(web, "url", "an http(s) URL");
            if (web) {
                urls.problem(url).ifPresent(problem -> v.check(false, "url", "this URL " + problem));
            }
        }
        v.throwIfInvalid();
        byte[] secretBytes = new byte[32];
        RANDOM.nextBytes(secretBytes);
        String secret = "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
        Arrays.fill(secretBytes, (byte) 0);
        byte[] key = secret.getBytes(StandardCharsets.UTF_8);
        try {
            TeamWebhook webhook = QuarkusTransaction.requiringNew().call(() -> {
                TeamWebhook w = new TeamWebhook();
                w.id = TeamWebhook.nextId();
                w.createdAt = Instant.now();
                w.teamId = team.id;
                w.name = name;
                w.url = url;
                w.format = format;
                w.kinds = TeamWebhook.kindsText(kinds);
                w.createdBy = user.username;
                w.seal(vault.sealOther(TeamWebhook.SEAL_PURPOSE, team.id, w.id, key));
                w.persist();
                audit.record(AuditRecord.of("webhook.add", "webhook", w.id.toString()).team(team.id)
                        .details(describe(w)));
                return w;
            });
            return new Created(webhook, secret);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    public void remove(String slug, User user, long id) {
        Team team = requireManager(slug, user);
        QuarkusTransaction.requiringNew().run(() -> {
            TeamWebhook w = TeamWebhook.<TeamWebhook>findByIdOptional(id).filter(x -> x.teamId == team.id)
                    .orElseThrow(() -> new NotFoundException("no such webhook"));
            w.delete();
            audit.record(AuditRecord.of("webhook.remove", "webhook", w.id.toString()).team(team.id)
                    .details(describe(w)));
        });
    }

    /** What the audit log says of a webhook: never its secret, and only the URL's scheme and host. */
    private static Map<String, Object> describe(TeamWebhook w) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("name", w.name);
        details.put("host", hostOf(w.url));
        details.put("format", w.format.name());
        details.put("kinds", w.kinds);
        return details;
    }

    /** Scheme and host of a webhook URL: its path often holds a token (Slack, Teams), so pages and logs show only this. */
    public static String hostOf(String url) {
        try {
            java.net.URI uri = java.net.URI.create(url);
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        } catch (IllegalArgumentException e) {
            return "(unreadable URL)";
        }
    }

    private static WebhookFormat parseFormat(String text) {
        for (WebhookFormat f : WebhookFormat.values()) {
            if (f.name().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return f;
            }
        }
        return null;
    }

    private Team requireManager(String slug, User user) {
        Team team = teams.require(slug, user);
        if (!canManage(team, user)) {
            throw new ForbiddenException("only the team's approvers manage its webhooks");
        }
        return team;
    }
}

package io.progate.sandbox;

import io.progate.pro.ProEnvironment;
import io.progate.pro.ProGroup;
import io.progate.pro.ProUser;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The user manager's reads. Users take filters {@code <field>_equal_ci}, {@code <field>_contains_ci}
 * and {@code <field>_equal} on user_name, email, full_name, environment_name; {@code sort} by one
 * of those fields ({@code -} first for descending); {@code offset} and {@code limit} (default 100).
 */
@ApplicationScoped
public class SandboxDirectory {

    static final String ACCOUNT = "sandbox";

    private static final Map<String, Function<ProUser, String>> FIELDS = Map.of(
            "user_name", ProUser::userName,
            "email", ProUser::email,
            "full_name", ProUser::fullName,
            "environment_name", ProUser::environmentName);

    public List<ProEnvironment> environments() {
        return SandboxEntity.ofKind(SandboxEntity.Kind.ENVIRONMENT).stream()
                .map(e -> new ProEnvironment(e.entityId, ACCOUNT, e.name)).toList();
    }

    public List<ProGroup> groups() {
        return SandboxEntity.ofKind(SandboxEntity.Kind.GROUP).stream()
                .map(g -> new ProGroup(g.entityId, ACCOUNT, g.environmentName, g.name)).toList();
    }

    public List<ProUser> users(Map<String, String> query) {
        Stream<ProUser> users = SandboxEntity.ofKind(SandboxEntity.Kind.USER).stream().map(SandboxDirectory::view);
        for (Map.Entry<String, String> filter : query.entrySet()) {
            users = users.filter(filterOf(filter.getKey(), filter.getValue()));
        }
        String sort = query.get("sort");
        if (!SandboxApps.blank(sort)) {
            boolean descending = sort.startsWith("-");
            Function<ProUser, String> field = FIELDS.get(descending ? sort.substring(1) : sort);
            if (field == null) {
                throw SandboxException.invalid("cannot sort by " + sort);
            }
            Comparator<ProUser> order = Comparator.comparing(u -> String.valueOf(field.apply(u)));
            users = users.sorted(descending ? order.reversed() : order);
        }
        return users.skip(number(query.get("offset"), 0)).limit(number(query.get("limit"), SandboxRules.DEFAULT_LIMIT))
                .toList();
    }

    public ProUser current(SandboxKey caller) {
        return SandboxEntity.user(caller.userName).map(SandboxDirectory::view)
                .orElseThrow(() -> SandboxException.notFound("user " + caller.userName));
    }

    private static java.util.function.Predicate<ProUser> filterOf(String name, String value) {
        if (List.of("sort", "offset", "limit").contains(name)) {
            return u -> true;
        }
        for (String op : List.of("_equal_ci", "_contains_ci", "_equal")) {
            if (name.endsWith(op)) {
                Function<ProUser, String> field = FIELDS.get(name.substring(0, name.length() - op.length()));
                if (field == null) {
                    break;
                }
                String wanted = value.toLowerCase(Locale.ROOT);
                switch (op) {
                    case "_equal_ci": return u -> wanted.equals(lower(field.apply(u)));
                    case "_contains_ci": return u -> lower(field.apply(u)).contains(wanted);
                    default: return u -> value.equals(field.apply(u));
                }
            }
        }
        throw SandboxException.invalid("unknown filter " + name);
    }

    private static String lower(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT);
    }

    private static long number(String text, int fallback) {
        if (SandboxApps.blank(text)) {
            return fallback;
        }
        try {
            return Math.max(0, Long.parseLong(text.trim()));
        } catch (NumberFormatException e) {
            throw SandboxException.invalid("not a number: " + text);
        }
    }

    private static ProUser view(SandboxEntity user) {
        return new ProUser(user.entityId, ACCOUNT, user.environmentName, user.name, user.email, user.fullName,
                user.groupList());
    }
}

package io.progate.sandbox;

import io.progate.sandbox.store.SandboxEntity;
import io.progate.sandbox.store.SandboxKey;
import io.progate.sandbox.store.SandboxMode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The user manager's reads. Users take filters {@code <field>_equal_ci}, {@code <field>_contains_ci}
 * and {@code <field>_equal} on user_name, email, full_name, environment_name; {@code sort} by one
 * of those fields ({@code -} first for descending). Every list takes {@code offset} and {@code limit}
 * (default 100). Objects carry the numeric entity {@code id} (decided) unless
 * {@link SandboxMode#DIRECTORY_WITHOUT_IDS} is on.
 */
@ApplicationScoped
public class SandboxDirectory {

    static final String ACCOUNT = "sandbox";

    private static final Map<String, Function<SandboxWire.User, String>> FIELDS = Map.of(
            "user_name", SandboxWire.User::userName,
            "email", SandboxWire.User::email,
            "full_name", SandboxWire.User::fullName,
            "environment_name", SandboxWire.User::environmentName);

    @Inject
    SandboxModes modes;

    public List<SandboxWire.Environment> environments(Map<String, String> query) {
        boolean ids = withIds();
        refuseUnknown(query);
        return page(SandboxEntity.ofKind(SandboxEntity.Kind.ENVIRONMENT).stream()
                .map(e -> new SandboxWire.Environment(ids ? e.entityId : null, ACCOUNT, e.name)), query);
    }

    public List<SandboxWire.Group> groups(Map<String, String> query) {
        boolean ids = withIds();
        refuseUnknown(query);
        return page(SandboxEntity.ofKind(SandboxEntity.Kind.GROUP).stream()
                .map(g -> new SandboxWire.Group(ids ? g.entityId : null, ACCOUNT, g.environmentName, g.name)), query);
    }

    public List<SandboxWire.User> users(Map<String, String> query) {
        boolean ids = withIds();
        Stream<SandboxWire.User> users = SandboxEntity.ofKind(SandboxEntity.Kind.USER).stream()
                .map(u -> view(u, ids));
        for (Map.Entry<String, String> filter : query.entrySet()) {
            users = users.filter(filterOf(filter.getKey(), filter.getValue()));
        }
        String sort = query.get("sort");
        if (!SandboxApps.blank(sort)) {
            boolean descending = sort.startsWith("-");
            Function<SandboxWire.User, String> field = FIELDS.get(descending ? sort.substring(1) : sort);
            if (field == null) {
                throw SandboxException.invalid("cannot sort by " + sort);
            }
            Comparator<SandboxWire.User> order = Comparator.comparing(u -> String.valueOf(field.apply(u)));
            users = users.sorted(descending ? order.reversed() : order);
        }
        return page(users, query);
    }

    public SandboxWire.User current(SandboxKey caller) {
        boolean ids = withIds();
        return SandboxEntity.user(caller.userName).map(u -> view(u, ids))
                .orElseThrow(() -> SandboxException.notFound("user " + caller.userName));
    }

    /**
     * Adds {@code count} users named {@code <prefix>-001} and so on to environment ROOT, with fresh
     * entity ids, for tests of accounts with more users than one page; returns their ids in order.
     */
    @Transactional
    public List<Long> addUsers(String prefix, int count) {
        Long max = SandboxEntity.getEntityManager()
                .createQuery("select max(e.entityId) from SandboxEntity e", Long.class).getSingleResult();
        long next = Math.max(max == null ? 0 : max, 16_780_000L) + 1;
        List<Long> ids = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            SandboxEntity user = new SandboxEntity();
            user.entityId = next++;
            user.kind = SandboxEntity.Kind.USER;
            user.environmentName = "ROOT";
            user.name = String.format(Locale.ROOT, "%s-%03d", prefix, i);
            user.email = user.name + "@example.com";
            user.fullName = "User " + user.name;
            user.groups = "Viewers";
            user.persist();
            ids.add(user.entityId);
        }
        return ids;
    }

    /** Removes the users {@link #addUsers} made with this prefix. */
    @Transactional
    public void removeUsers(String prefix) {
        SandboxEntity.delete("kind = ?1 and name like ?2", SandboxEntity.Kind.USER, prefix + "-%");
    }

    private boolean withIds() {
        return !modes.isOn(SandboxMode.DIRECTORY_WITHOUT_IDS);
    }

    /** {@code offset} and {@code limit} (default 100; at most 100 in {@link SandboxMode#DIRECTORY_PAGES_OF_100}). */
    private <T> List<T> page(Stream<T> items, Map<String, String> query) {
        long limit = number(query.get("limit"), SandboxRules.DEFAULT_LIMIT);
        if (modes.isOn(SandboxMode.DIRECTORY_PAGES_OF_100)) {
            limit = Math.min(limit, SandboxRules.STRICT_PAGE_LIMIT);
        }
        return items.skip(number(query.get("offset"), 0)).limit(limit).toList();
    }

    private static void refuseUnknown(Map<String, String> query) {
        for (String name : query.keySet()) {
            if (!name.equals("offset") && !name.equals("limit")) {
                throw SandboxException.invalid("unknown query parameter " + name);
            }
        }
    }

    private static java.util.function.Predicate<SandboxWire.User> filterOf(String name, String value) {
        if (List.of("sort", "offset", "limit").contains(name)) {
            return u -> true;
        }
        for (String op : List.of("_equal_ci", "_contains_ci", "_equal")) {
            if (name.endsWith(op)) {
                Function<SandboxWire.User, String> field = FIELDS.get(name.substring(0, name.length() - op.length()));
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

    private static SandboxWire.User view(SandboxEntity user, boolean withId) {
        return new SandboxWire.User(withId ? user.entityId : null, ACCOUNT, user.environmentName, user.name,
                user.email, user.fullName, user.groupList());
    }
}

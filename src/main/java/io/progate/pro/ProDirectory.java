package io.progate.pro;

import com.fasterxml.jackson.core.type.TypeReference;
import io.progate.pro.model.ProEnvironment;
import io.progate.pro.model.ProGroup;
import io.progate.pro.model.ProUser;
import io.progate.pro.model.UserQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * The user-manager reads of a PRO account: environments, groups, users and the key's own user.
 * Lists are read page by page ({@code offset}, {@code limit} of {@value #PAGE}, PRO's documented
 * default) until a page comes back short, so an account with more than one page is read whole.
 * Entity ids are optional: the user manager may send objects without them (see docs/pro-api.md).
 */
@ApplicationScoped
public class ProDirectory {

    /** Entries asked for per page; PRO's documented default limit. */
    public static final int PAGE = 100;
    /** Pages read at most (ten thousand entries), in case an account ignores offset. */
    static final int MAX_PAGES = 100;

    private static final TypeReference<List<ProEnvironment>> ENVIRONMENTS = new TypeReference<>() { };
    private static final TypeReference<List<ProGroup>> GROUPS = new TypeReference<>() { };
    private static final TypeReference<List<ProUser>> USERS = new TypeReference<>() { };

    @Inject
    ProCalls calls;

    /**
     * Every environment. The first page is asked for without paging parameters (only users are
     * documented with them); only a full first page makes the next ones ask with offset and limit.
     */
    public List<ProEnvironment> environments(ProAccount account) {
        return pages((offset, limit) -> calls.read(account, UserManagerApi.class,
                "list of environments" + pageNote(offset),
                api -> api.environments(account.apiKey(), offset, limit), ProAnswer.json(ENVIRONMENTS)), false);
    }

    /** Every group, paged as {@link #environments}. */
    public List<ProGroup> groups(ProAccount account) {
        return pages((offset, limit) -> calls.read(account, UserManagerApi.class,
                "list of groups" + pageNote(offset),
                api -> api.groups(account.apiKey(), offset, limit), ProAnswer.json(GROUPS)), false);
    }

    /** Every user, read with {@code offset} and {@code limit} from the first page on. */
    public List<ProUser> users(ProAccount account) {
        return pages((offset, limit) -> users(account, new UserQuery(Map.of(), null, offset, limit)), true);
    }

    /** One read of users exactly as asked (filters, sort, one page). */
    public List<ProUser> users(ProAccount account, UserQuery query) {
        Map<String, String> filters = new LinkedHashMap<>();
        if (query.filters() != null) {
            query.filters().forEach((field, value) -> {
                if (field != null && !field.isBlank() && value != null && !value.isBlank()) {
                    filters.put(field, value);
                }
            });
        }
        String sort = query.sort() == null || query.sort().isBlank() ? null : query.sort();
        List<ProUser> users = calls.read(account, UserManagerApi.class, "list of users" + pageNote(query.offset()),
                api -> api.users(account.apiKey(), filters, sort, query.offset(), query.limit()),
                ProAnswer.json(USERS));
        return users == null ? List.of() : users;
    }

    /** The user the API key belongs to. */
    public ProUser currentUser(ProAccount account) {
        return calls.read(account, UserManagerApi.class, "read of the current user",
                api -> api.currentUser(account.apiKey()), ProAnswer.json(ProUser.class));
    }

    /**
     * Reads pages until one is shorter than {@value #PAGE}. Stops early when PRO evidently ignores
     * paging: a page longer than asked for (it sent everything), or a page equal to the one before.
     */
    private static <T> List<T> pages(BiFunction<Integer, Integer, List<T>> read, boolean pagedFromStart) {
        List<T> all = new ArrayList<>();
        List<T> previous = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            boolean paged = pagedFromStart || page > 0;
            List<T> items = read.apply(paged ? page * PAGE : null, paged ? PAGE : null);
            List<T> current = items == null ? List.of() : items.stream().filter(Objects::nonNull).toList();
            if (current.equals(previous)) {
                break;
            }
            all.addAll(current);
            if (current.size() != PAGE) {
                break;
            }
            previous = current;
        }
        return all;
    }

    private static String pageNote(Integer offset) {
        return offset == null || offset == 0 ? "" : " from " + offset;
    }
}

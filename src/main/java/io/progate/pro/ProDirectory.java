package io.progate.pro;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The user-manager reads of a PRO account: environments, groups, users and the key's own user. */
@ApplicationScoped
public class ProDirectory {

    @Inject
    ProCalls calls;

    public List<ProEnvironment> environments(ProAccount account) {
        return calls.read(account, UserManagerApi.class, "list of environments",
                api -> api.environments(account.apiKey()));
    }

    public List<ProGroup> groups(ProAccount account) {
        return calls.read(account, UserManagerApi.class, "list of groups",
                api -> api.groups(account.apiKey()));
    }

    public List<ProUser> users(ProAccount account) {
        return users(account, UserQuery.all());
    }

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
        return calls.read(account, UserManagerApi.class, "list of users",
                api -> api.users(account.apiKey(), filters, sort, query.offset(), query.limit()));
    }

    /** The user the API key belongs to. */
    public ProUser currentUser(ProAccount account) {
        return calls.read(account, UserManagerApi.class, "read of the current user",
                api -> api.currentUser(account.apiKey()));
    }
}

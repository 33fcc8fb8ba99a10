package io.progate.pro;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.progate.pro.model.NewApiKey;
import io.progate.pro.model.ProApiKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/** API keys of the key's own PRO user. A created key's value is in the answer to its creation only. */
@ApplicationScoped
public class ProApiKeys {

    private static final TypeReference<List<ProApiKey>> KEY_LIST = new TypeReference<>() { };

    @Inject
    ProCalls calls;

    public List<ProApiKey> list(ProAccount account) {
        List<ProApiKey> keys = calls.read(account, UserManagerApi.class, "list of API keys",
                api -> api.apiKeys(account.apiKey()), ProAnswer.json(KEY_LIST));
        return keys == null ? List.of() : keys;
    }

    /** Creates a key; the answer's {@code value} is the only time PRO shows it. */
    public ProApiKey create(ProAccount account, NewApiKey key) {
        return calls.write(account, UserManagerApi.class, "creation of API key " + key.name(),
                api -> api.createApiKey(account.apiKey(), key), ProAnswer.json(ProApiKey.class));
    }

    public void delete(ProAccount account, String name) {
        calls.write(account, UserManagerApi.class, "delete of API key " + name,
                api -> api.deleteApiKey(account.apiKey(), name), ProAnswer.none());
    }

    /** The scopes PRO knows, as it spells them (plain strings, or objects with a {@code name}). */
    public List<String> scopes(ProAccount account) {
        JsonNode answer = calls.read(account, UserManagerApi.class, "list of scopes",
                api -> api.scopes(account.apiKey()), ProAnswer.tree());
        List<String> scopes = new ArrayList<>();
        JsonNode array = answer != null && answer.isObject() ? answer.path("scopes") : answer;
        if (array != null && array.isArray()) {
            for (JsonNode item : array) {
                String name = item.isTextual() ? item.asText() : item.path("name").asText(null);
                if (name != null) {
                    scopes.add(name);
                }
            }
        }
        return scopes;
    }
}

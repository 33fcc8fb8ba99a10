package io.progate.pro;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.progate.pro.model.AppCategory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/** App categories on a PRO account; {@code other} always exists. */
@ApplicationScoped
public class ProCategories {

    /** decided: the wrapper PRO may put around the list. */
    static final String WRAPPER_FIELD = "application_categories";

    @Inject
    ProCalls calls;

    @Inject
    ObjectMapper json;

    public List<AppCategory> list(ProAccount account) {
        JsonNode answer = calls.read(account, AppsApi.class, "list of categories",
                api -> api.categories(account.apiKey()), ProAnswer.tree());
        return read(answer);
    }

    public AppCategory create(ProAccount account, String name) {
        return calls.write(account, AppsApi.class, "creation of category " + name,
                api -> api.createCategory(account.apiKey(), new AppsApi.CategoryBody(name)),
                ProAnswer.json(AppCategory.class));
    }

    public AppCategory rename(ProAccount account, String id, String name) {
        return calls.write(account, AppsApi.class, "rename of category " + id,
                api -> api.updateCategory(account.apiKey(), id, new AppsApi.CategoryBody(name)),
                ProAnswer.json(AppCategory.class));
    }

    public void delete(ProAccount account, String id) {
        calls.write(account, AppsApi.class, "delete of category " + id,
                api -> api.deleteCategory(account.apiKey(), id), ProAnswer.none());
    }

    /** A bare array, or an object holding the array under {@value #WRAPPER_FIELD}. */
    List<AppCategory> read(JsonNode answer) {
        JsonNode array = answer != null && answer.isObject() ? answer.path(WRAPPER_FIELD) : answer;
        List<AppCategory> categories = new ArrayList<>();
        if (array != null && array.isArray()) {
            for (JsonNode item : array) {
                categories.add(json.convertValue(item, AppCategory.class));
            }
        }
        return categories;
    }
}

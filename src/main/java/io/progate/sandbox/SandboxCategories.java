package io.progate.sandbox;

import io.progate.pro.AppCategory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/** App categories: names unique (409), {@code other} always there and never renamed or deleted. */
@ApplicationScoped
public class SandboxCategories {

    public List<AppCategory> list() {
        return SandboxCategory.all().stream().map(SandboxCategories::view).toList();
    }

    @Transactional
    public AppCategory create(String value) {
        String name = requireName(value);
        SandboxCategory category = new SandboxCategory();
        category.categoryId = UUID.randomUUID().toString();
        category.value = name;
        category.persist();
        return view(category);
    }

    @Transactional
    public AppCategory rename(String id, String value) {
        SandboxCategory category = require(id);
        refuseDefault(category, "renamed");
        String name = requireName(value);
        String old = category.value;
        category.value = name;
        SandboxApp.update("projectCategory = ?1 where projectCategory = ?2", name, old);
        return view(category);
    }

    /** Deletes a category; its apps move to {@code other} (decided). */
    @Transactional
    public void delete(String id) {
        SandboxCategory category = require(id);
        refuseDefault(category, "deleted");
        SandboxApp.update("projectCategory = ?1 where projectCategory = ?2", SandboxRules.DEFAULT_CATEGORY, category.value);
        category.delete();
    }

    private static String requireName(String value) {
        if (SandboxApps.blank(value)) {
            throw SandboxException.invalid("value (the category name) is required");
        }
        String name = value.trim();
        if (SandboxCategory.byValue(name).isPresent()) {
            throw SandboxException.conflict("category " + name + " exists");
        }
        return name;
    }

    private static SandboxCategory require(String id) {
        return SandboxCategory.byCategoryId(id).orElseThrow(() -> SandboxException.notFound("category " + id));
    }

    private static void refuseDefault(SandboxCategory category, String what) {
        if (SandboxRules.DEFAULT_CATEGORY.equals(category.value)) {
            throw SandboxException.invalid("the category " + SandboxRules.DEFAULT_CATEGORY + " cannot be " + what);
        }
    }

    private static AppCategory view(SandboxCategory category) {
        return new AppCategory(category.categoryId, category.value);
    }
}

package io.progate.sandbox;

import io.progate.sandbox.store.SandboxApp;
import io.progate.sandbox.store.SandboxCategory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/**
 * App categories: names unique whatever their case (409), {@code other} always there and never
 * renamed or deleted. Paths and bodies are decided (from the official Python wrapper).
 */
@ApplicationScoped
public class SandboxCategories {

    public List<SandboxWire.Category> list() {
        return SandboxCategory.all().stream().map(SandboxCategories::view).toList();
    }

    @Transactional
    public SandboxWire.Category create(String body) {
        String name = requireName(SandboxJson.read(body, SandboxWire.CategoryValue.class, "the category body").value());
        SandboxCategory category = new SandboxCategory();
        category.categoryId = UUID.randomUUID().toString();
        category.value = name;
        category.persist();
        return view(category);
    }

    @Transactional
    public SandboxWire.Category rename(String id, String body) {
        SandboxCategory category = require(id);
        refuseDefault(category, "renamed");
        String name = requireName(SandboxJson.read(body, SandboxWire.CategoryValue.class, "the category body").value());
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
        if (SandboxRules.DEFAULT_CATEGORY.equalsIgnoreCase(category.value)) {
            throw SandboxException.invalid("the category " + SandboxRules.DEFAULT_CATEGORY + " cannot be " + what);
        }
    }

    private static SandboxWire.Category view(SandboxCategory category) {
        return new SandboxWire.Category(category.categoryId, category.value);
    }
}

package io.progate.pro.model;

import java.util.Map;

/**
 * Which users to read: filters such as {@code email_equal_ci -> a@b.c}, a sort field, offset and
 * limit (PRO's default limit is 100). Null and empty values are not sent.
 */
public record UserQuery(Map<String, String> filters, String sort, Integer offset, Integer limit) {

    public static UserQuery all() {
        return new UserQuery(Map.of(), null, null, null);
    }
}

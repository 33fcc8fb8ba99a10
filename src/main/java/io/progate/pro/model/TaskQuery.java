package io.progate.pro.model;

/** Which tasks to list; null fields are not sent. */
public record TaskQuery(String appName, String appVersion, Integer offset, Integer limit) {

    public static TaskQuery all() {
        return new TaskQuery(null, null, null, null);
    }

    public static TaskQuery of(String appName, String appVersion) {
        return new TaskQuery(appName, appVersion, null, null);
    }
}

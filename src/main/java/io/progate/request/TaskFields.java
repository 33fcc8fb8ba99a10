package io.progate.request;

/**
 * What a TASK request runs, as stored in its payload: the DEX service of the request's app, on the
 * version named by the request or, when {@code latest}, on the version PRO tags latest. The service's
 * input is the request's stored file (its SHA-256 fixed at submission).
 */
public record TaskFields(String serviceName, boolean latest) {

    /** The app version a task request names to mean "the version tagged latest". */
    public static final String LATEST = "latest";
}

package io.progate.request;

/** What an approver said about a request. */
public enum Decision {
    APPROVE, REJECT
}

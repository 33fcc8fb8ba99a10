package io.progate.request.web;

/** The body of a break-glass: why the request must run now, without the remaining approvals. */
public record GlassInput(String reason) {
}

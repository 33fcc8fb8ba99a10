package io.progate.team;

/** Fired (synchronously, inside the change's transaction) when a team's PRO account URL changes. */
public record ProUrlChanged(long teamId, String slug, String previousUrl, String newUrl) {
}

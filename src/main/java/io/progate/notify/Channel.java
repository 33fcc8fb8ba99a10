package io.progate.notify;

/** Where a delivery goes: a person's e-mail address or a team's webhook. */
public enum Channel {
    EMAIL, WEBHOOK
}

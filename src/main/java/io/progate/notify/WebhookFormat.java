package io.progate.notify;

/** The body a team webhook receives: ProGate's own JSON, or what Slack or Teams incoming webhooks accept. */
public enum WebhookFormat {
    JSON("Generic JSON"), SLACK("Slack incoming webhook"), TEAMS("Microsoft Teams incoming webhook");

    private final String label;

    WebhookFormat(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

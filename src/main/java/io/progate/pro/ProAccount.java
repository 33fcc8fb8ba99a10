package io.progate.pro;

/**
 * Where a call goes and with which key: the team's PRO account URL (such as
 * {@code https://acme.aimms.cloud}, or {@code <portal>/sandbox}) and its API key. The key never
 * appears in {@link #toString()}.
 */
public record ProAccount(String proUrl, String apiKey) {

    public ProAccount {
        if (proUrl == null || proUrl.isBlank()) {
            throw new IllegalArgumentException("a PRO account URL is required");
        }
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("a PRO API key is required");
        }
        proUrl = proUrl.trim();
        while (proUrl.endsWith("/")) {
            proUrl = proUrl.substring(0, proUrl.length() - 1);
        }
    }

    @Override
    public String toString() {
        return "ProAccount[" + proUrl + ", apiKey=***]";
    }
}

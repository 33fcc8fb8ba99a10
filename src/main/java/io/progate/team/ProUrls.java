package io.progate.team;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.IDN;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * A team's PRO account URL: its normal form (the one sealed keys are bound to) and whether it may be
 * used. Outside dev and test a URL must be {@code https://} and its host must not resolve to a loopback,
 * private, link-local, unique-local or unspecified address, so that a changed URL cannot send a team's
 * key into the internal network (PROGATE_PRO_ALLOW_PRIVATE and PROGATE_PRO_ALLOW_HTTP lift this).
 */
@ApplicationScoped
public class ProUrls {

    @Inject
    TeamConfig config;

    /**
     * Lower-case scheme and host, no default port, no trailing slash; the path is kept as it is. The
     * same account always has the same normal form, so that keys sealed for it keep opening.
     */
    public static String normalise(String url) {
        String trimmed = url == null ? "" : url.trim();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        try {
            URI uri = new URI(trimmed);
            if (uri.getScheme() == null || uri.getHost() == null) {
                return trimmed;
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            boolean defaultPort = port == -1 || (scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80);
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port) + path;
        } catch (URISyntaxException e) {
            return trimmed;
        }
    }

    /** Why the URL may not be used; empty when it may. Resolves the host. */
    public Optional<String> problem(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("not a URL");
        }
        if (!"https".equals(uri.getScheme()) && !config.proUrl().allowHttp()) {
            return Optional.of("must start with https://");
        }
        if (config.proUrl().allowPrivate()) {
            return Optional.empty();
        }
        String host = uri.getHost();
        if (host == null) {
            return Optional.of("has no host");
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(IDN.toASCII(host.replaceAll("^\\[|\\]$", "")))) {
                if (isInternal(address)) {
                    return Optional.of("its host " + host + " resolves to an internal address (" + address.getHostAddress()
                            + "); PRO accounts are on the internet");
                }
            }
        } catch (UnknownHostException | IllegalArgumentException e) {
            return Optional.of("its host " + host + " does not resolve");
        }
        return Optional.empty();
    }

    static boolean isInternal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (b.length == 4) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 || (first == 100 && second >= 64 && second <= 127) // carrier-grade NAT
                    || (first == 192 && second == 0 && (b[2] & 0xff) == 0) || first >= 240;
        }
        // IPv6 unique local fc00::/7, and IPv4-mapped addresses judged as IPv4
        if ((b[0] & 0xfe) == 0xfc) {
            return true;
        }
        boolean mapped = true;
        for (int i = 0; i < 10; i++) {
            mapped &= b[i] == 0;
        }
        if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            try {
                return isInternal(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
            } catch (UnknownHostException e) {
                return true;
            }
        }
        return false;
    }
}

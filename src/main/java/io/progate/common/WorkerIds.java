package io.progate.common;

import java.io.IOException;
import java.net.InetAddress;
import java.util.UUID;

/** Names of this replica's workers in claims: the host name and a random suffix. */
public final class WorkerIds {

    private WorkerIds() {
    }

    /** {@code <host>-<8 random hex digits>}, or {@code <fallback>-...} when the host has no name. */
    public static String fresh(String fallback) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = fallback;
        }
        return host + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}

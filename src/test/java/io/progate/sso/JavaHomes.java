package io.progate.sso;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds what the Keycloak IT needs from the machine: a JDK 21 or later for Keycloak 26 (ProGate itself
 * builds on 17), from KEYCLOAK_JAVA_HOME, or the newest under /usr/lib/jvm; and a free port in a range.
 */
final class JavaHomes {

    private static final Pattern VERSION = Pattern.compile("JAVA_VERSION=\"(\\d+)");

    private JavaHomes() {
    }

    static Path java21OrLater() throws IOException {
        String configured = System.getenv("KEYCLOAK_JAVA_HOME");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path jvms = Path.of("/usr/lib/jvm");
        Optional<Path> found = Optional.empty();
        if (Files.isDirectory(jvms)) {
            try (Stream<Path> homes = Files.list(jvms)) {
                found = homes.filter(h -> major(h) >= 21).max(Comparator.comparingInt(JavaHomes::major));
            }
        }
        return found.orElseThrow(() -> new IllegalStateException("Keycloak 26 needs a JDK 21 or later: set"
                + " KEYCLOAK_JAVA_HOME or install one under /usr/lib/jvm (see README, 'Tests')"));
    }

    private static int major(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release) || !Files.isExecutable(home.resolve("bin/java"))) {
            return 0;
        }
        try {
            List<String> lines = Files.readAllLines(release);
            for (String line : lines) {
                Matcher m = VERSION.matcher(line);
                if (m.find()) {
                    return Integer.parseInt(m.group(1));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    /** The first port in [from, to] nobody listens on. */
    static int freePortIn(int from, int to) {
        for (int port = from; port <= to; port++) {
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("0.0.0.0"))) {
                return port;
            } catch (IOException taken) {
                // next
            }
        }
        throw new IllegalStateException("no free port in " + from + "-" + to);
    }
}

package io.progate.team;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** An app/service pair of a team's task allow-list, written {@code app/service}. */
public final class TaskPair {

    static final Pattern PAIR = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9 _.()+-]{0,199}/[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$");

    private TaskPair() {
    }

    public static String of(String appName, String serviceName) {
        return appName + "/" + serviceName;
    }

    /** The pairs of a stored or typed list: one a line (or comma-separated), trimmed, each once, blank lines skipped. */
    public static List<String> parse(String text) {
        List<String> pairs = new ArrayList<>();
        if (text == null) {
            return pairs;
        }
        for (String line : text.split("[\\r\\n,]+")) {
            String pair = line.trim().replaceAll("\\s*/\\s*", "/");
            if (!pair.isEmpty() && !pairs.contains(pair)) {
                pairs.add(pair);
            }
        }
        return pairs;
    }

    public static boolean valid(String pair) {
        return PAIR.matcher(pair).matches();
    }
}

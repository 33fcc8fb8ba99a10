package io.progate.team;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A team's change windows: none means any time; otherwise a request runs only while one of them is
 * open. Stored as one window a line ({@link ChangeWindow}).
 */
public record ChangeWindows(List<ChangeWindow> windows) {

    public static final ChangeWindows ANY_TIME = new ChangeWindows(List.of());

    public ChangeWindows {
        windows = List.copyOf(windows);
    }

    /** The windows of the lines of {@code text}; lines that are not windows are left out (see {@link #invalidLines}). */
    public static ChangeWindows parse(String text) {
        List<ChangeWindow> windows = new ArrayList<>();
        for (String line : lines(text)) {
            ChangeWindow.parse(line).ifPresent(windows::add);
        }
        return new ChangeWindows(windows);
    }

    /** The non-empty lines of {@code text} that do not describe a window. */
    public static List<String> invalidLines(String text) {
        return lines(text).stream().filter(line -> ChangeWindow.parse(line).isEmpty()).toList();
    }

    private static List<String> lines(String text) {
        if (text == null) {
            return List.of();
        }
        return text.lines().map(String::trim).filter(line -> !line.isEmpty()).toList();
    }

    public boolean anyTime() {
        return windows.isEmpty();
    }

    /** Whether a request may start at {@code t}. */
    public boolean openAt(Instant t) {
        return anyTime() || windows.stream().anyMatch(w -> w.contains(t));
    }

    /** When a request that may not start at {@code t} may start: the earliest next opening; empty when open now. */
    public Optional<Instant> nextOpening(Instant t) {
        if (openAt(t)) {
            return Optional.empty();
        }
        return windows.stream().map(w -> w.nextOpening(t)).min(Comparator.naturalOrder());
    }

    /** Whether these windows allow nothing {@code before} did not (every window inside one of before's). */
    public boolean within(ChangeWindows before) {
        if (before.anyTime()) {
            return true;
        }
        return !anyTime() && windows.stream().allMatch(w -> before.windows.stream().anyMatch(w::within));
    }

    /** One window a line, as stored. */
    public String text() {
        return String.join("\n", windows.stream().map(ChangeWindow::toString).toList());
    }

    /** For people: "any time" or the windows separated by semicolons. */
    public String describe() {
        return anyTime() ? "any time" : String.join("; ", windows.stream().map(ChangeWindow::toString).toList());
    }
}

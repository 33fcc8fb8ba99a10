package io.progate.common;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides when a "last used" time is worth writing: at most once per {@link #EVERY} per row and
 * replica, so a read path (every API call with a token, every PRO call with a key) does not write,
 * and never queues on one row's lock. The write itself stays guarded in SQL
 * ({@code where last_used_at < now - EVERY}), so replicas together also write about once a minute.
 * Shown times are therefore up to a minute old.
 */
public final class LastUse<K> {

    /** How stale a shown "last used" time may be. */
    public static final Duration EVERY = Duration.ofMinutes(1);
    private static final int FORGET_ABOVE = 10_000;

    private final ConcurrentHashMap<K, Instant> recorded = new ConcurrentHashMap<>();

    /** True (and remembered) when the use of {@code key} (a row, say) at {@code now} should be written; false within a minute of the last. */
    public boolean due(K key, Instant now) {
        boolean[] due = {false};
        recorded.compute(key, (k, last) -> {
            if (last == null || !last.plus(EVERY).isAfter(now)) {
                due[0] = true;
                return now;
            }
            return last;
        });
        if (due[0] && recorded.size() > FORGET_ABOVE) {
            Instant cutoff = now.minus(EVERY);
            recorded.values().removeIf(last -> last.isBefore(cutoff));
        }
        return due[0];
    }

    /** Whether {@link #due} would answer true now, without remembering anything. */
    public boolean wouldBeDue(K key, Instant now) {
        Instant last = recorded.get(key);
        return last == null || !last.plus(EVERY).isAfter(now);
    }

    /** The cut-off for the SQL guard: a stored time before it may be replaced. */
    public static Instant staleBefore(Instant now) {
        return now.minus(EVERY);
    }
}

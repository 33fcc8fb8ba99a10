package io.progate.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down guessing: failed sign-ins are remembered per source address and per user name (whether
 * the user exists or not, so the answer does not tell), in a sliding window. Past the limit, further
 * attempts from that address or for that name are refused without checking the password until the
 * oldest failure leaves the window; the caller is told how long ({@code Retry-After}). A success
 * clears nothing, so a user's own sign-ins cannot wipe out an attacker's record.
 *
 * <p>Kept in memory, per replica, bounded to {@code progate.throttle.max-entries} keys (the stalest go
 * first). Memory rather than the database because throttling has to be cheap exactly when someone
 * floods the sign-in form, and an attacker must not be able to turn it into database writes. With N
 * replicas a source gets at most N times the budget; the account lock-out ({@link LoginService}) is
 * counted in the database and holds across replicas.
 */
@ApplicationScoped
public class LoginThrottle {

    @Inject
    AccountConfig config;

    Clock clock = Clock.systemUTC();

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    /** How long the caller must wait, when the address or the name is over its limit. */
    public Optional<Duration> waitFor(String sourceIp, String username) {
        Instant now = clock.instant();
        Duration wait = max(waitFor(sourceKey(sourceIp), config.throttle().perSource(), now),
                waitFor(userKey(username), config.throttle().perUsername(), now));
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    /** Records a failed attempt for both the address and the name. */
    public void failed(String sourceIp, String username) {
        Instant now = clock.instant();
        record(sourceKey(sourceIp), config.throttle().perSource(), now);
        record(userKey(username), config.throttle().perUsername(), now);
        if (failures.size() > config.throttle().maxEntries()) {
            trim(now);
        }
    }

    private Duration waitFor(String key, int limit, Instant now) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return Duration.ZERO;
        }
        synchronized (times) {
            prune(times, now);
            if (times.size() < limit) {
                return Duration.ZERO;
            }
            Duration left = Duration.between(now, times.peekFirst().plus(config.throttle().window()));
            return left.isNegative() || left.isZero() ? Duration.ofSeconds(1) : left;
        }
    }

    private void record(String key, int limit, Instant now) {
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            prune(times, now);
            times.addLast(now);
            while (times.size() > limit) {
                times.removeFirst();
            }
        }
    }

    private void prune(Deque<Instant> times, Instant now) {
        Instant cutoff = now.minus(config.throttle().window());
        while (!times.isEmpty() && !times.peekFirst().isAfter(cutoff)) {
            times.removeFirst();
        }
    }

    /** Drops keys without a failure in the window, then, if still too many, the stalest. */
    private void trim(Instant now) {
        failures.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                prune(e.getValue(), now);
                return e.getValue().isEmpty();
            }
        });
        int excess = failures.size() - config.throttle().maxEntries();
        if (excess > 0) {
            failures.entrySet().stream()
                    .sorted(Comparator.comparing(e -> newest(e.getValue())))
                    .limit(excess + config.throttle().maxEntries() / 10)
                    .map(Map.Entry::getKey).toList()
                    .forEach(failures::remove);
        }
    }

    private static Instant newest(Deque<Instant> times) {
        synchronized (times) {
            return times.isEmpty() ? Instant.MIN : times.peekLast();
        }
    }

    /** Keys remembered now (for tests and metrics). */
    int size() {
        return failures.size();
    }

    private static String sourceKey(String sourceIp) {
        return "ip:" + (sourceIp == null ? "unknown" : sourceIp);
    }

    private static String userKey(String username) {
        return "user:" + (username == null ? "" : username.trim().toLowerCase(Locale.ROOT));
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}

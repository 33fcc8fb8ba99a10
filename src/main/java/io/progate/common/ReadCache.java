package io.progate.common;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A bounded, short-lived cache of what a hot read path would otherwise ask the database on every call
 * (a resolved token, a user's teams). It never serves what this replica has changed: every change of a
 * watched entity ({@link ReadCacheInvalidation}) empties all read caches at once and again when its
 * transaction ends, and a value read while such a change was under way is not kept. Changes made by
 * other replicas are seen after at most the time to live.
 */
public final class ReadCache<K, V> {

    private static final List<ReadCache<?, ?>> ALL = new CopyOnWriteArrayList<>();
    /** Raised by every invalidation; a value read across a raise is not kept. */
    private static final AtomicLong GENERATION = new AtomicLong();

    private final Cache<K, V> cache;
    private final boolean off;

    public ReadCache(Duration ttl, long maxEntries) {
        this.off = ttl.isZero() || ttl.isNegative();
        this.cache = Caffeine.newBuilder().expireAfterWrite(off ? Duration.ofNanos(1) : ttl).maximumSize(maxEntries)
                .build();
        ALL.add(this);
    }

    /** The cached value of {@code key}, or what {@code load} reads (kept when present). */
    public Optional<V> get(K key, Supplier<Optional<V>> load) {
        if (!off) {
            V cached = cache.getIfPresent(key);
            if (cached != null) {
                return Optional.of(cached);
            }
        }
        long generation = GENERATION.get();
        Optional<V> loaded = load.get();
        if (!off && loaded.isPresent() && GENERATION.get() == generation) {
            cache.put(key, loaded.get());
            if (GENERATION.get() != generation) {
                // an invalidation ran between the check and the put: it may have missed this value
                cache.invalidate(key);
            }
        }
        return loaded;
    }

    /** The cached value of {@code key}, if there is one; reads nothing. */
    public Optional<V> peek(K key) {
        return off ? Optional.empty() : Optional.ofNullable(cache.getIfPresent(key));
    }

    /** Forgets one key, say a token revoked by this replica. */
    public void invalidate(K key) {
        GENERATION.incrementAndGet();
        cache.invalidate(key);
    }

    /** Empties every read cache of this replica. */
    public static void invalidateAll() {
        GENERATION.incrementAndGet();
        ALL.forEach(c -> c.cache.invalidateAll());
    }

    /** Stops tracking a cache whose owner goes away (a bean of a stopped application, in tests). */
    public void close() {
        ALL.remove(this);
        cache.invalidateAll();
    }
}

package io.progate.pro;

import io.quarkus.logging.Log;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * What every PRO call shares: one REST client per interface, base URL and timeout; one circuit
 * breaker per PRO account URL; retries for safe calls only; every failure turned into a
 * {@link ProException} by {@link ProFailures}.
 */
@ApplicationScoped
class ProCalls {

    @Inject
    ProConfig config;

    private final Map<String, Object> clients = new ConcurrentHashMap<>();
    private final Map<String, Guard> breakers = new ConcurrentHashMap<>();
    private volatile Guard retry;

    /** A safe call (GET): retried after transient failures. */
    <A, T> T read(ProAccount account, Class<A> api, String what, Function<A, T> call) {
        return guard(() -> retryGuard().call(() -> once(account, api, config.readTimeout(), what, call), Object.class));
    }

    /** A call that changes something: made once, never repeated automatically. */
    <A, T> T write(ProAccount account, Class<A> api, String what, Function<A, T> call) {
        return write(account, api, config.readTimeout(), what, call);
    }

    <A, T> T write(ProAccount account, Class<A> api, Duration timeout, String what, Function<A, T> call) {
        return guard(() -> once(account, api, timeout, what, call));
    }

    @SuppressWarnings("unchecked")
    private <T> T guard(java.util.concurrent.Callable<Object> action) {
        try {
            return (T) action.call();
        } catch (ProException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("unexpected failure around a PRO call", e);
        }
    }

    private <A> Object once(ProAccount account, Class<A> api, Duration timeout, String what, Function<A, ?> call) {
        try {
            return breaker(account.proUrl()).call(() -> {
                long start = System.nanoTime();
                try {
                    Object result = call.apply(client(api, baseUrl(api, account), timeout));
                    Log.debugf("PRO %s on %s: ok in %d ms", what, account.proUrl(), elapsedMs(start));
                    return result;
                } catch (RuntimeException e) {
                    ProException failure = ProFailures.of(e, account, what);
                    Log.infof("PRO %s on %s failed in %d ms: status %d, %s", what, account.proUrl(), elapsedMs(start),
                            failure.status(), failure.getMessage());
                    throw failure;
                }
            }, Object.class);
        } catch (CircuitBreakerOpenException e) {
            throw new CircuitOpenException(account.proUrl());
        } catch (ProException e) {
            throw e;
        } catch (Exception e) {
            throw ProFailures.of(e, account, what);
        }
    }

    private static long elapsedMs(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    private static String baseUrl(Class<?> api, ProAccount account) {
        return api == UserManagerApi.class ? ProPaths.userManager(account.proUrl()) : ProPaths.proApi(account.proUrl());
    }

    private <A> A client(Class<A> api, String baseUrl, Duration readTimeout) {
        String key = api.getName() + " " + baseUrl + " " + readTimeout;
        return api.cast(clients.computeIfAbsent(key, k -> QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(baseUrl))
                .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .register(new ProResponseMapper())
                .build(api)));
    }

    private Guard breaker(String proUrl) {
        return breakers.computeIfAbsent(proUrl, url -> Guard.create()
                .withDescription("PRO account " + url)
                .withCircuitBreaker()
                .requestVolumeThreshold(config.circuitBreaker().requestVolumeThreshold())
                .failureRatio(config.circuitBreaker().failureRatio())
                .delay(config.circuitBreaker().delay().toMillis(), ChronoUnit.MILLIS)
                .when(e -> e instanceof ProException && ((ProException) e).isTransient())
                .done()
                .build());
    }

    private Guard retryGuard() {
        Guard guard = retry;
        if (guard == null) {
            guard = Guard.create()
                    .withDescription("retry of safe PRO calls")
                    .withRetry()
                    .maxRetries(config.retry().maxRetries())
                    .delay(config.retry().delay().toMillis(), ChronoUnit.MILLIS)
                    .jitter(0, ChronoUnit.MILLIS)
                    .whenException(ProCalls::worthRetrying)
                    .done()
                    .build();
            retry = guard;
        }
        return guard;
    }

    static boolean worthRetrying(Throwable e) {
        return e instanceof ProException && ((ProException) e).isTransient() && !(e instanceof CircuitOpenException);
    }
}

package io.progate.pro;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * What every PRO call shares: one REST client per interface, base URL and timeout; one circuit
 * breaker per PRO account URL; retries for safe calls only; every answer read whole and decoded by
 * a {@link ProAnswer}; every failure turned into a {@link ProException} by {@link ProFailures}.
 */
@ApplicationScoped
class ProCalls {

    @Inject
    ProConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    CircuitBreakerMaintenance maintenance;

    private final Map<String, Object> clients = new ConcurrentHashMap<>();
    private final Map<String, Guard> breakers = new ConcurrentHashMap<>();
    private volatile Guard retry;

    /** A safe call (GET): retried after transient failures. */
    <A, T> T read(ProAccount account, Class<A> api, String what, Function<A, Response> call, ProAnswer<T> answer) {
        return guard(() -> retryGuard().call(() -> once(account, api, config.readTimeout(), what, call, answer),
                Object.class));
    }

    /** A call that changes something: made once, never repeated automatically. */
    <A, T> T write(ProAccount account, Class<A> api, String what, Function<A, Response> call, ProAnswer<T> answer) {
        return write(account, api, config.readTimeout(), what, call, answer);
    }

    <A, T> T write(ProAccount account, Class<A> api, Duration timeout, String what, Function<A, Response> call,
            ProAnswer<T> answer) {
        return guard(() -> once(account, api, timeout, what, call, answer));
    }

    /** The breaker's state for an account URL: closed, open or half-open ({@code closed} before its first call). */
    CircuitBreakerState breakerState(String proUrl) {
        String url = new ProAccount(proUrl, "-").proUrl();
        if (!breakers.containsKey(url)) {
            return CircuitBreakerState.CLOSED;
        }
        return maintenance.currentState(breakerName(url));
    }

    /** The name under which an account's breaker is registered with SmallRye's {@link CircuitBreakerMaintenance}. */
    static String breakerName(String proUrl) {
        return "progate-pro " + proUrl;
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

    private <A> Object once(ProAccount account, Class<A> api, Duration timeout, String what,
            Function<A, Response> call, ProAnswer<?> answer) {
        try {
            return breaker(account.proUrl()).call(() -> {
                long start = System.nanoTime();
                Object result;
                try (Response response = call.apply(client(api, baseUrl(api, account), timeout))) {
                    result = decode(response, answer, account, what);
                } catch (ProException e) {
                    logFailure(account, what, start, e);
                    throw e;
                } catch (RuntimeException e) {
                    ProException failure = ProFailures.of(e, account, what);
                    logFailure(account, what, start, failure);
                    throw failure;
                }
                Log.debugf("PRO %s on %s: ok in %d ms", what, account.proUrl(), elapsedMs(start));
                return result;
            }, Object.class);
        } catch (CircuitBreakerOpenException e) {
            throw new CircuitOpenException(account.proUrl());
        } catch (ProException e) {
            throw e;
        } catch (Exception e) {
            throw ProFailures.of(e, account, what);
        }
    }

    /** Reads the whole body, then lets {@code answer} make sense of it; what it cannot read is not understood. */
    private Object decode(Response response, ProAnswer<?> answer, ProAccount account, String what) {
        byte[] body = response.hasEntity() ? response.readEntity(byte[].class) : new byte[0];
        String contentType = response.getHeaderString(HttpHeaders.CONTENT_TYPE);
        try {
            return answer.decode(json, response.getStatus(), contentType, body == null ? new byte[0] : body);
        } catch (ProAnswer.NotUnderstood e) {
            throw ProFailures.notUnderstood(response.getStatus(), contentType,
                    new String(body, StandardCharsets.UTF_8), account, what, e.getMessage());
        }
    }

    private static void logFailure(ProAccount account, String what, long start, ProException failure) {
        Log.infof("PRO %s on %s failed in %d ms: status %d, %s", what, account.proUrl(), elapsedMs(start),
                failure.status(), failure.getMessage());
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
                // only transient failures count against the account; a refusal or an answer ProGate
                // cannot read counts as an answer (SmallRye treats what `when` rejects as a success)
                .when(e -> e instanceof ProException && ((ProException) e).isTransient())
                .name(breakerName(url))
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

package io.progate.execution;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.progate.request.RequestType;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** Micrometer meters of the execution worker. */
@ApplicationScoped
public class ExecutionMetrics {

    @Inject
    MeterRegistry registry;

    private final AtomicLong queueDepth = new AtomicLong();

    @PostConstruct
    void register() {
        Gauge.builder("progate.execution.queue.depth", queueDepth, AtomicLong::get)
                .description("Requests waiting for a worker (approved, or waiting for a retry)").register(registry);
    }

    /** One finished execution: outcome SUCCEEDED or FAILED (reconciled successes count as SUCCEEDED). */
    void executed(RequestType type, String outcome) {
        Counter.builder("progate.executions").description("Executions of approved requests by type and outcome")
                .tag("type", type.name()).tag("outcome", outcome).register(registry).increment();
    }

    /** The changing PRO call of an attempt; status {@code 2xx} on success, 0 when PRO gave no answer. */
    void proCall(RequestType type, String status, Duration duration) {
        Timer.builder("progate.execution.pro.call").description("Duration of the PRO call that carries out a request")
                .tag("type", type.name()).tag("status", status).register(registry).record(duration);
    }

    /** From approval (or retry) committed to the worker's claim. */
    void startDelay(Duration delay) {
        Timer.builder("progate.execution.start.delay").description("Time from approval to execution start")
                .publishPercentiles(0.5, 0.95, 0.99).register(registry).record(delay);
    }

    void queueDepth(long depth) {
        queueDepth.set(depth);
    }
}

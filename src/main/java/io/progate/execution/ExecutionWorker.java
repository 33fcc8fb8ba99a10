package io.progate.execution;

import io.progate.common.WorkerIds;
import io.progate.request.RequestApproved;
import io.progate.web.Overload;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wakes up when an approval commits and hands the request to a worker thread at once; a sweep
 * every few seconds catches what was missed (another replica's approvals, due retries, claims of
 * dead workers), releases SCHEDULED requests whose window opened or freeze ended, and renews the
 * claims this replica still works on.
 */
@ApplicationScoped
public class ExecutionWorker {

    @Inject
    ExecutionConfig config;

    @Inject
    ExecutionQueue queue;

    @Inject
    ExecutionRunner runner;

    @Inject
    ExecutionMetrics metrics;

    @Inject
    io.progate.request.RequestService requests;

    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();
    /** Generation of each claim this replica works on, for renewing exactly those claims. */
    private final Map<Long, Long> generations = new ConcurrentHashMap<>();
    private ExecutorService pool;
    private String workerId;

    @PostConstruct
    void start() {
        workerId = config.workerId().orElseGet(() -> WorkerIds.fresh("worker"));
        AtomicInteger seq = new AtomicInteger();
        pool = Executors.newFixedThreadPool(config.threads(), task -> {
            Thread thread = new Thread(task, "progate-execution-" + seq.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }

    void onApproved(@Observes(during = TransactionPhase.AFTER_SUCCESS) RequestApproved event) {
        if (config.enabled()) {
            submit(event.requestId());
        }
    }

    /** Hands the request to a worker thread; it is carried out if nobody else holds it. */
    public void submit(long requestId) {
        try {
            pool.execute(() -> runOne(requestId));
        } catch (RejectedExecutionException e) {
            Log.debugf("Execution pool is shut down; request %d is left to the sweep", requestId);
        }
    }

    /** Claims and carries out the request on the calling thread; false when it was not claimable. */
    public boolean runOne(long requestId) {
        if (!inFlight.add(requestId)) {
            return false;
        }
        try {
            Optional<Claim> claim = queue.claim(requestId, workerId, config.lease());
            if (claim.isEmpty()) {
                return false;
            }
            generations.put(requestId, claim.get().generation());
            runner.run(claim.get(), workerId);
            return true;
        } catch (ClaimLostException e) {
            Log.warnf("Execution of request %d stopped: this worker lost its claim (%s); it writes nothing more",
                    requestId, e.getMessage());
            return true;
        } catch (RuntimeException e) {
            if (Overload.is(e)) {
                // no connection within the pool's timeout: nothing was sent that the sweep cannot reconcile
                Log.warnf("Execution of request %d postponed: the database connections are all in use; the sweep"
                        + " picks it up again", requestId);
            } else {
                Log.errorf("Execution of request %d stopped unexpectedly (%s); the sweep will reconcile it", requestId,
                        e.getClass().getSimpleName());
            }
            return true;
        } finally {
            generations.remove(requestId);
            inFlight.remove(requestId);
        }
    }

    @Scheduled(identity = "execution-sweep", every = "{progate.execution.sweep-every}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        if (!config.enabled()) {
            return;
        }
        queue.renew(Map.copyOf(generations), workerId, config.lease());
        int released = requests.releaseDue();
        if (released > 0) {
            Log.infof("Released %d scheduled request(s) whose time came", released);
        }
        for (Long id : queue.due(50)) {
            if (!inFlight.contains(id)) {
                submit(id);
            }
        }
        metrics.queueDepth(queue.depth());
    }

    public String workerId() {
        return workerId;
    }
}

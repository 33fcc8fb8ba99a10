package io.progate.notify;

import io.progate.common.WorkerIds;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Delivers the outbox: woken after each commit that added deliveries, and by a sweep every few seconds
 * (retries that came due, other replicas' messages, claims of dead workers). Never on the thread of the
 * change: a slow SMTP server or webhook delays only its own message.
 */
@ApplicationScoped
public class DeliveryWorker {

    @Inject
    NotifyConfig config;

    @Inject
    DeliveryQueue queue;

    @Inject
    MailSender mail;

    @Inject
    WebhookSender webhooks;

    private final AtomicBoolean queued = new AtomicBoolean();
    private ExecutorService thread;
    private String workerId;

    @PostConstruct
    void start() {
        workerId = config.workerId().orElseGet(() -> WorkerIds.fresh("notify"));
        thread = Executors.newSingleThreadExecutor(task -> {
            Thread t = new Thread(task, "progate-notify");
            t.setDaemon(true);
            return t;
        });
    }

    @PreDestroy
    void stop() {
        thread.shutdownNow();
    }

    void onWritten(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxWritten event) {
        wake();
    }

    @Scheduled(identity = "notification-sweep", every = "{progate.notify.sweep-every}", delayed = "3s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        wake();
    }

    private void wake() {
        if (!config.enabled() || !queued.compareAndSet(false, true)) {
            return;
        }
        try {
            thread.execute(() -> {
                queued.set(false);
                drain(workerId);
            });
        } catch (RejectedExecutionException e) {
            queued.set(false);
        }
    }

    /** Claims and delivers due deliveries as {@code worker} until none is due; answers how many it tried. */
    public int drain(String worker) {
        int tried = 0;
        List<Delivery> batch;
        do {
            batch = queue.claim(worker, config.batch());
            for (Delivery d : batch) {
                deliver(d, worker);
                tried++;
            }
        } while (!batch.isEmpty());
        return tried;
    }

    private void deliver(Delivery d, String worker) {
        try {
            if (d.channel == Channel.EMAIL) {
                mail.send(d);
            } else {
                webhooks.send(d);
            }
            queue.sent(d, worker);
        } catch (DeliveryFailedException e) {
            Log.infof("Notification %d (%s to %s) failed, attempt %d: %s", d.id, d.channel, d.address, d.attempts,
                    e.getMessage());
            queue.failed(d, worker, e.getMessage(), e.permanent());
        } catch (RuntimeException e) {
            Log.warnf("Notification %d (%s) failed unexpectedly, attempt %d: %s", d.id, d.channel, d.attempts,
                    e.getClass().getSimpleName());
            queue.failed(d, worker, "internal error: " + e.getClass().getSimpleName(), false);
        }
    }

    public String workerId() {
        return workerId;
    }
}

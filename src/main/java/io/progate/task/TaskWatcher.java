package io.progate.task;

import io.progate.pro.ProException;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Follows the tasks TASK requests created until they end: every few seconds asks PRO about each
 * task still queued or running (or completed with its response not yet stored), oldest check first.
 * Any replica may run it; a row is updated under its lock, and two replicas asking at once only
 * write the same state twice.
 */
@ApplicationScoped
public class TaskWatcher {

    @Inject
    TaskService tasks;

    @Inject
    TaskConfig config;

    @Scheduled(identity = "task-watch", every = "{progate.tasks.poll-every}", delayed = "3s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void watch() {
        if (config.poll()) {
            sweep();
        }
    }

    /** Asks PRO about every followed task once; returns how many were asked about. */
    public int sweep() {
        List<Long> open = QuarkusTransaction.requiringNew().call(() -> RequestTask.open(config.batch()).stream()
                .map(t -> t.id).toList());
        for (Long id : open) {
            try {
                tasks.refresh(id);
            } catch (ProException | io.progate.common.ConflictException | jakarta.persistence.PersistenceException e) {
                Log.debugf("Task row %d not brought up to date this round: %s", id, e.getClass().getSimpleName());
            }
        }
        return open.size();
    }
}

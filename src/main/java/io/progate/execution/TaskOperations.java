package io.progate.execution;

import io.progate.pro.ProAccount;
import io.progate.pro.model.ProTask;
import io.progate.pro.ProTasks;
import io.progate.pro.model.TaskPage;
import io.progate.pro.model.TaskQuery;
import io.progate.packages.PackageStore;
import io.progate.request.Payloads;
import io.progate.request.TaskFields;
import io.progate.task.RequestTask;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The PRO side of a TASK request: the one {@code POST /tasks/...} with the stored input (read back
 * through the hash-checking stream, so only the approved bytes are sent), and the question asked
 * after an attempt of unknown outcome. PRO's documented task record has no field a client sets, and
 * a task's input cannot be read back, so the task this request created is recognised by what can be
 * read: the app, version (unless the request runs on latest) and service, created no earlier than
 * the round's first attempt began (less the allowed clock skew), and not already the task of another
 * of the team's requests. One such task: it is this request's. None: the attempt created nothing.
 * Several: ProGate cannot tell, and creates no other (the request fails with the reason).
 */
@ApplicationScoped
public class TaskOperations {

    /** Pages of 100 tasks read at most when looking for the task of an attempt of unknown outcome. */
    static final int MAX_PAGES = 20;
    static final int PAGE_SIZE = 100;

    @Inject
    ProTasks tasks;

    @Inject
    PackageStore store;

    @Inject
    Payloads payloads;

    @Inject
    ExecutionConfig config;

    public ProTask create(ProAccount account, Claim c) {
        TaskFields task = payloads.task(c.payload());
        byte[] input;
        try (InputStream in = store.openVerified(c.pkg())) {
            input = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the stored task input", e);
        }
        return task.latest() ? tasks.createOnLatest(account, c.appName(), task.serviceName(), input)
                : tasks.create(account, c.appName(), c.appVersion(), task.serviceName(), input);
    }

    public Reconciliation reconcile(ProAccount account, Claim c) {
        TaskFields task = payloads.task(c.payload());
        Instant roundStart = QuarkusTransaction.requiringNew().call(() -> ExecutionAttempt.of(c.requestId()).stream()
                .filter(a -> a.attemptNo > c.roundStartAttempt()).map(a -> a.startedAt).findFirst()
                .orElse(Instant.now()));
        Instant since = roundStart.minus(config.taskClockSkew());
        Set<String> others = new HashSet<>(QuarkusTransaction.requiringNew()
                .call(() -> RequestTask.taskIdsOfOthers(c.teamId(), c.requestId())));
        List<ProTask> candidates = new ArrayList<>();
        int offset = 0;
        for (int page = 0; page < MAX_PAGES; page++) {
            TaskPage answer = tasks.list(account, new TaskQuery(c.appName(), task.latest() ? null : c.appVersion(),
                    offset, PAGE_SIZE));
            for (ProTask t : answer.tasks()) {
                if (c.appName().equals(t.appName()) && task.serviceName().equals(t.serviceName())
                        && (task.latest() || c.appVersion().equals(t.appVersion()))
                        && t.createdAt() != null && !t.createdAt().isBefore(since) && !others.contains(t.id())) {
                    candidates.add(t);
                }
            }
            offset += answer.tasks().size();
            if (answer.tasks().isEmpty() || offset >= answer.total()) {
                break;
            }
        }
        String what = "task of service " + task.serviceName() + " on " + c.appName()
                + (task.latest() ? "" : " " + c.appVersion()) + " created since " + since;
        if (candidates.isEmpty()) {
            return Reconciliation.notDone("PRO lists no " + what);
        }
        if (candidates.size() == 1) {
            return Reconciliation.doneWithTask("PRO lists the " + what + ": " + candidates.get(0).id(),
                    candidates.get(0).id());
        }
        return Reconciliation.different("PRO lists " + candidates.size() + " tasks of service " + task.serviceName()
                + " on " + c.appName() + " created since " + since + " that belong to no other request; ProGate"
                + " cannot tell which one this request created, and creates no other");
    }
}

package io.progate.sandbox;

import io.progate.sandbox.store.SandboxApp;
import io.progate.sandbox.store.SandboxKey;
import io.progate.sandbox.store.SandboxTask;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The sandbox's simulated job runner. A task is queued for {@code task-queue-time}, runs for
 * {@code task-run-time} and completes with its request echoed as response; its state is brought
 * up to date whenever it is read. interrupt-solve ends it as completed, interrupt-execution as
 * failed; only queued or finished tasks may be deleted (405 otherwise).
 */
@ApplicationScoped
public class SandboxTasks {

    /** Task states (documented); the sandbox moves tasks through queued, running and completed or failed. */
    static final String QUEUED = "queued";
    static final String RUNNING = "running";
    static final String COMPLETED = "completed";
    static final String FAILED = "failed";
    static final String SOLVE = "interrupt-solve";
    static final String EXECUTION = "interrupt-execution";
    private static final DateTimeFormatter SPACED = DateTimeFormatter.ofPattern(SandboxRules.SPACED_TIMESTAMP)
            .withZone(ZoneOffset.UTC);

    @Inject
    SandboxConfig config;

    @Transactional
    public Map<String, Object> create(SandboxKey caller, String appName, String appVersion, String service, byte[] body) {
        SandboxApp app = appVersion == null
                ? SandboxApp.versionsOf(appName).stream().filter(a -> a.latest).findFirst()
                        .orElseThrow(() -> SandboxException.notFound("latest version of app " + appName))
                : SandboxApp.byNameAndVersion(appName, appVersion)
                        .orElseThrow(() -> SandboxException.notFound("app " + appName + " version " + appVersion));
        SandboxTask task = new SandboxTask();
        task.taskId = UUID.randomUUID().toString();
        task.appName = app.name;
        task.appVersion = app.projectVersion;
        task.serviceName = service;
        task.userName = caller.userName;
        task.state = QUEUED;
        task.requestBody = body == null ? new byte[0] : body;
        task.persist();
        return view(task);
    }

    @Transactional
    public Map<String, Object> get(String id) {
        return view(current(id));
    }

    @Transactional
    public Map<String, Object> list(String appName, String appVersion, Integer offset, Integer limit) {
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (!SandboxApps.blank(appName)) {
            query.append(" and appName = :appName");
            params.put("appName", appName);
        }
        if (!SandboxApps.blank(appVersion)) {
            query.append(" and appVersion = :appVersion");
            params.put("appVersion", appVersion);
        }
        long total = SandboxTask.count(query.toString(), params);
        int from = offset == null ? 0 : Math.max(0, offset);
        int size = limit == null ? SandboxRules.DEFAULT_LIMIT : Math.max(1, limit);
        List<SandboxTask> page = SandboxTask.<SandboxTask>find(query + " order by createdAt desc, id desc", params)
                .range(from, from + size - 1).list();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("current_batch", page.stream().map(t -> view(advance(t))).toList());
        answer.put("total_tasks", total);
        return answer;
    }

    @Transactional
    public byte[] response(String id) {
        SandboxTask task = current(id);
        if (!COMPLETED.equals(task.state) || task.responseBody == null) {
            throw SandboxException.illegalState("task " + id + " has no response: it is " + task.state);
        }
        return task.responseBody;
    }

    @Transactional
    public void setStatus(String id, String status) {
        SandboxTask task = current(id);
        if (!SOLVE.equals(status) && !EXECUTION.equals(status)) {
            throw SandboxException.invalid("setstatus must be " + SOLVE + " or " + EXECUTION);
        }
        if (isFinished(task)) {
            throw SandboxException.illegalState("task " + id + " has already ended: it is " + task.state);
        }
        Instant now = Instant.now();
        if (task.runningAt == null) {
            task.assignedAt = now;
            task.runningAt = now;
        }
        task.endedAt = now;
        if (SOLVE.equals(status)) {
            task.state = COMPLETED;
            task.returnCode = 0;
            task.responseBody = task.requestBody;
        } else {
            task.state = FAILED;
            task.returnCode = 1;
            task.errorMessage = "interrupted";
        }
    }

    @Transactional
    public void delete(String id) {
        SandboxTask task = current(id);
        if (!QUEUED.equals(task.state) && !COMPLETED.equals(task.state)) {
            throw SandboxException.illegalState("only queued or completed tasks may be deleted; this one is " + task.state);
        }
        task.delete();
    }

    private SandboxTask current(String id) {
        return advance(SandboxTask.byTaskId(id).orElseThrow(() -> SandboxException.notFound("task " + id)));
    }

    /** Moves a task along the simulated timeline up to now. */
    SandboxTask advance(SandboxTask task) {
        Instant now = Instant.now();
        Instant runs = task.createdAt.plus(config.taskQueueTime());
        if (QUEUED.equals(task.state) && !now.isBefore(runs)) {
            task.state = RUNNING;
            task.assignedAt = runs;
            task.runningAt = runs;
        }
        Instant ends = task.runningAt == null ? null : task.runningAt.plus(config.taskRunTime());
        if (RUNNING.equals(task.state) && !now.isBefore(ends)) {
            task.state = COMPLETED;
            task.endedAt = ends;
            task.returnCode = 0;
            task.responseBody = task.requestBody;
        }
        return task;
    }

    private static boolean isFinished(SandboxTask task) {
        return COMPLETED.equals(task.state) || FAILED.equals(task.state);
    }

    /** The task as PRO shows it: createdAt in the spaced format, the other times as ISO-8601 (both occur). */
    private static Map<String, Object> view(SandboxTask task) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", task.taskId);
        view.put("appName", task.appName);
        view.put("appVersion", task.appVersion);
        view.put("serviceName", task.serviceName);
        view.put("state", task.state);
        view.put("createdAt", SPACED.format(task.createdAt));
        view.put("assignedAt", iso(task.assignedAt));
        view.put("runningAt", iso(task.runningAt));
        view.put("endedAt", iso(task.endedAt));
        view.put("queueTime", seconds(task.createdAt, task.runningAt));
        view.put("runTime", seconds(task.runningAt, task.endedAt));
        view.put("returnCode", task.returnCode);
        view.put("errorMessage", task.errorMessage);
        view.put("userName", task.userName);
        return view;
    }

    private static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static Double seconds(Instant from, Instant to) {
        return from == null || to == null ? null : Duration.between(from, to).toMillis() / 1000.0;
    }
}

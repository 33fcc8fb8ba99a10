package io.progate.pro;

import io.progate.pro.model.ProTask;
import io.progate.pro.model.TaskInterrupt;
import io.progate.pro.model.TaskPage;
import io.progate.pro.model.TaskQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** Tasks on a PRO account: create (on a version or on the latest), read, list, response, interrupt, delete. */
@ApplicationScoped
public class ProTasks {

    @Inject
    ProCalls calls;

    /** Runs {@code serviceName} of one app version with {@code body} (JSON) as its input. */
    public ProTask create(ProAccount account, String appName, String appVersion, String serviceName, byte[] body) {
        return calls.write(account, TasksApi.class, "task " + serviceName + " on " + appName + " " + appVersion,
                api -> api.create(account.apiKey(), appName, appVersion, serviceName, body),
                ProAnswer.json(ProTask.class));
    }

    /** Same, on the version tagged latest. */
    public ProTask createOnLatest(ProAccount account, String appName, String serviceName, byte[] body) {
        return calls.write(account, TasksApi.class, "task " + serviceName + " on latest " + appName,
                api -> api.createOnLatest(account.apiKey(), appName, serviceName, body),
                ProAnswer.json(ProTask.class));
    }

    public ProTask get(ProAccount account, String id) {
        return calls.read(account, TasksApi.class, "read of task " + id, api -> api.get(account.apiKey(), id),
                ProAnswer.json(ProTask.class));
    }

    public TaskPage list(ProAccount account, TaskQuery query) {
        TasksApi.TaskList answer = calls.read(account, TasksApi.class, "list of tasks", api -> api
                .list(account.apiKey(), query.appName(), query.appVersion(), query.offset(), query.limit()),
                ProAnswer.json(TasksApi.TaskList.class));
        List<ProTask> tasks = answer == null || answer.currentBatch() == null ? List.of() : answer.currentBatch();
        long total = answer == null || answer.total() == null ? tasks.size() : answer.total();
        return new TaskPage(tasks, total);
    }

    /** The raw bytes a completed task answered with. */
    public byte[] response(ProAccount account, String id) {
        return calls.read(account, TasksApi.class, "response of task " + id,
                api -> api.response(account.apiKey(), id), ProAnswer.bytes());
    }

    public void interrupt(ProAccount account, String id, TaskInterrupt how) {
        calls.write(account, TasksApi.class, how.wireValue() + " of task " + id,
                api -> api.setStatus(account.apiKey(), id, new TasksApi.StatusBody(how.wireValue())), ProAnswer.none());
    }

    /** Deletes a queued or completed task; PRO refuses running ones (405). */
    public void delete(ProAccount account, String id) {
        calls.write(account, TasksApi.class, "delete of task " + id, api -> api.delete(account.apiKey(), id),
                ProAnswer.none());
    }
}

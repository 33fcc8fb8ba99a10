package io.progate.sandbox;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.progate.fixtures.Fixtures;
import io.progate.fixtures.SandboxAccounts;
import io.progate.pro.PackageSource;
import io.progate.pro.ProApps;
import io.progate.pro.ProException;
import io.progate.pro.ProTasks;
import io.progate.pro.model.ProTask;
import io.progate.pro.model.PublishMetadata;
import io.progate.pro.model.TaskInterrupt;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Tasks: queued, then running, then completed after the simulated run time; interrupts; deletes. */
@QuarkusTest
class SandboxTaskRulesTest {

    private static final byte[] INPUT = "{\"scenario\":\"base\"}".getBytes(StandardCharsets.UTF_8);

    @Inject
    SandboxAccounts sandbox;

    @Inject
    ProApps apps;

    @Inject
    ProTasks tasks;

    private String app() throws Exception {
        String name = Fixtures.unique("Runner");
        apps.publish(sandbox.demo(), PublishMetadata.of(name, "1.0", SandboxAccounts.OFFICIAL_VERSION),
                PackageSource.of(SandboxAccounts.pack(name)));
        return name;
    }

    private String state(String id) {
        return tasks.get(sandbox.demo(), id).state();
    }

    @Test
    void taskGoesFromQueuedToRunningToCompletedAndAnswersItsResponse() throws Exception {
        ProTask task = tasks.create(sandbox.demo(), app(), "1.0", "solve", INPUT);
        assertEquals(ProTask.QUEUED, task.state());
        assertEquals(405, assertThrows(ProException.class, () -> tasks.response(sandbox.demo(), task.id())).status());
        await().atMost(Duration.ofSeconds(10)).until(() -> ProTask.RUNNING.equals(state(task.id())));
        await().atMost(Duration.ofSeconds(10)).until(() -> ProTask.COMPLETED.equals(state(task.id())));
        ProTask done = tasks.get(sandbox.demo(), task.id());
        assertEquals(0, done.returnCode());
        assertEquals("demo.user", done.userName());
        assertEquals(new String(INPUT, StandardCharsets.UTF_8),
                new String(tasks.response(sandbox.demo(), task.id()), StandardCharsets.UTF_8));
    }

    @Test
    void runningTaskCannotBeDeletedButInterruptSolveCompletesIt() throws Exception {
        ProTask task = tasks.create(sandbox.demo(), app(), "1.0", "solve", INPUT);
        await().atMost(Duration.ofSeconds(10)).until(() -> ProTask.RUNNING.equals(state(task.id())));
        ProException refused = assertThrows(ProException.class, () -> tasks.delete(sandbox.demo(), task.id()));
        assertEquals(405, refused.status());
        tasks.interrupt(sandbox.demo(), task.id(), TaskInterrupt.SOLVE);
        assertEquals(ProTask.COMPLETED, state(task.id()));
        tasks.delete(sandbox.demo(), task.id());
        assertEquals(404, assertThrows(ProException.class, () -> tasks.get(sandbox.demo(), task.id())).status());
    }

    @Test
    void interruptExecutionFailsTheTaskWhichThenCannotBeDeleted() throws Exception {
        ProTask task = tasks.create(sandbox.demo(), app(), "1.0", "solve", INPUT);
        tasks.interrupt(sandbox.demo(), task.id(), TaskInterrupt.EXECUTION);
        ProTask failed = tasks.get(sandbox.demo(), task.id());
        assertEquals(ProTask.FAILED, failed.state());
        assertEquals("interrupted", failed.errorMessage());
        assertEquals(405, assertThrows(ProException.class, () -> tasks.delete(sandbox.demo(), task.id())).status());
        assertEquals(405, assertThrows(ProException.class,
                () -> tasks.interrupt(sandbox.demo(), task.id(), TaskInterrupt.SOLVE)).status());
    }

    @Test
    void queuedTaskMayBeDeleted() throws Exception {
        ProTask task = tasks.create(sandbox.demo(), app(), "1.0", "solve", INPUT);
        tasks.delete(sandbox.demo(), task.id());
        assertEquals(404, assertThrows(ProException.class, () -> tasks.get(sandbox.demo(), task.id())).status());
    }

    @Test
    void taskOnLatestRunsTheVersionTaggedLatestAndUnknownAppIs404() throws Exception {
        String name = app();
        apps.publish(sandbox.demo(), PublishMetadata.of(name, "2.0", SandboxAccounts.OFFICIAL_VERSION)
                .replacing(PublishMetadata.NEW_VERSION_HIDE_OLD, name, "1.0"), PackageSource.of(SandboxAccounts.pack("v2")));
        assertEquals("2.0", tasks.createOnLatest(sandbox.demo(), name, "solve", INPUT).appVersion());
        assertEquals(404, assertThrows(ProException.class,
                () -> tasks.create(sandbox.demo(), name, "9.9", "solve", INPUT)).status());
    }
}

package io.progate.task;

import io.progate.account.User;
import io.progate.audit.AuditLog;
import io.progate.audit.AuditRecord;
import io.progate.common.ConflictException;
import io.progate.credential.Credential;
import io.progate.credential.CredentialService;
import io.progate.pro.model.ProScope;
import io.progate.pro.ProAccount;
import io.progate.pro.ProException;
import io.progate.pro.model.ProTask;
import io.progate.pro.ProTasks;
import io.progate.pro.model.TaskInterrupt;
import io.progate.packages.PackageStore;
import io.progate.request.ReleaseRequest;
import io.progate.request.RequestConfig;
import io.progate.request.RequestService;
import io.progate.request.RequestType;
import io.progate.team.Team;
import io.progate.team.TeamService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The task a TASK request created: its state as PRO reports it (brought up to date by
 * {@link TaskWatcher}), its stored response, and what the request's author and the team's approvers
 * may do to it without a new approval (interrupt, delete), each audited, refusals too. Every PRO call
 * uses the team's key with the Tasks scope, opened only for that call.
 */
@ApplicationScoped
public class TaskService {

    @Inject
    RequestService requests;

    @Inject
    TeamService teams;

    @Inject
    CredentialService credentials;

    @Inject
    ProTasks tasks;

    @Inject
    PackageStore store;

    @Inject
    RequestConfig config;

    @Inject
    AuditLog audit;

    /** The request's task, if it created one; 404 when {@code user} may not see the request. */
    public Optional<RequestTask> of(long requestId, User user) {
        requests.require(requestId, user);
        return QuarkusTransaction.requiringNew().call(() -> RequestTask.ofRequest(requestId));
    }

    /** Whether {@code user} may interrupt or delete the request's task: its author, an approver of the team, an admin. */
    public boolean mayControl(ReleaseRequest r, User user) {
        return Objects.equals(r.author.id, user.id) || teams.isApprover(r.team, user) || user.admin;
    }

    public RequestTask interrupt(long requestId, User user, TaskInterrupt how) {
        return control(requestId, user, "task.interrupt", how.wireValue(), (account, task) -> {
            tasks.interrupt(account, task.taskId, how);
            return tasks.get(account, task.taskId);
        });
    }

    public RequestTask delete(long requestId, User user) {
        return control(requestId, user, "task.delete", "delete", (account, task) -> {
            tasks.delete(account, task.taskId);
            return null;
        });
    }

    private interface Control {
        ProTask apply(ProAccount account, RequestTask task);
    }

    /**
     * Checks who and what (404, 403, 409), calls PRO, and records the outcome with its audit event;
     * a refusal or a PRO failure changes nothing in ProGate and is audited as a failure.
     */
    private RequestTask control(long requestId, User user, String action, String what, Control call) {
        ReleaseRequest r = QuarkusTransaction.requiringNew().call(() -> requests.require(requestId, user));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("what", what);
        RequestTask task = QuarkusTransaction.requiringNew().call(() -> RequestTask.ofRequest(requestId)).orElse(null);
        String refusal = null;
        int status = 409;
        if (r.type != RequestType.TASK) {
            refusal = "only task requests have a task";
        } else if (!mayControl(r, user)) {
            refusal = "only the request's author and the team's approvers interrupt or delete its task";
            status = 403;
        } else if (task == null) {
            refusal = "the request has not created a task (yet)";
        } else if (task.deletedAt != null) {
            refusal = "the task was deleted";
        }
        if (task != null) {
            details.put("taskId", task.taskId);
        }
        if (refusal != null) {
            details.put("refused", status);
            details.put("reason", refusal);
            refuse(r, user, action, details);
            throw status == 403 ? new ForbiddenException(refusal) : new ConflictException(refusal);
        }
        RequestTask found = task;
        ProTask after;
        try {
            after = withKey(r.team, account -> call.apply(account, found));
        } catch (ProException e) {
            details.put("proStatus", e.status());
            details.put("reason", e.getMessage());
            refuse(r, user, action, details);
            throw e;
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            RequestTask row = RequestTask.locked(found.id).orElseThrow();
            Instant now = Instant.now();
            if (after != null) {
                row.update(after, now);
                details.put("state", row.state);
            } else {
                row.deletedAt = now;
            }
            audit.record(AuditRecord.of(action, "request", Long.toString(requestId)).team(r.team.id)
                    .actor(user.username).details(details));
            return row;
        });
    }

    private void refuse(ReleaseRequest r, User user, String action, Map<String, Object> details) {
        QuarkusTransaction.requiringNew().run(() -> audit.record(AuditRecord.of(action, "request", r.id.toString())
                .team(r.team.id).actor(user.username).details(details).failure()));
    }

    /** Lends a PRO account with the team's Tasks key to {@code use}; 409 when the team has none. */
    public <T> T withKey(Team team, Function<ProAccount, T> use) {
        Credential key = QuarkusTransaction.requiringNew().call(() -> credentials.usableFor(Team.findById(team.id),
                ProScope.TASKS)).orElseThrow(() -> new ConflictException("the team has no usable PRO API key with scope "
                        + ProScope.TASKS.wireName()));
        return credentials.withSecret(key, secret -> use.apply(new ProAccount(team.proUrl, secret.reveal())));
    }

    /**
     * Asks PRO about one followed task and records what it says; once it completed, fetches its
     * response and stores it (size and SHA-256), or records why it is not stored (larger than the
     * limit, or PRO refused it). Used by {@link TaskWatcher}; a PRO failure leaves the row for the next round.
     */
    public void refresh(long rowId) {
        RequestTask task = QuarkusTransaction.requiringNew().call(() -> RequestTask.<RequestTask>findById(rowId));
        if (task == null || task.deletedAt != null) {
            return;
        }
        Team team = QuarkusTransaction.requiringNew().call(() -> Team.<Team>findById(task.teamId));
        withKey(team, account -> {
            ProTask now = tasks.get(account, task.taskId);
            byte[] response = null;
            String problem = null;
            if (ProTask.COMPLETED.equalsIgnoreCase(now.state())) {
                try {
                    response = tasks.response(account, task.taskId);
                    if (response.length > config.maxTaskResponseSize().asLongValue()) {
                        problem = "the response (" + response.length + " bytes) is larger than the limit of "
                                + config.maxTaskResponseSize().asLongValue() + " bytes; it stays in PRO";
                        response = null;
                    }
                } catch (ProException e) {
                    if (e.isTransient()) {
                        throw e;
                    }
                    problem = "PRO did not give the response: " + e.getMessage();
                }
            }
            save(rowId, now, response, problem);
            return null;
        });
    }

    private void save(long rowId, ProTask now, byte[] response, String problem) {
        Path file = response == null ? null : spool(response);
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                RequestTask row = RequestTask.locked(rowId).orElseThrow(() -> new NotFoundException("no such task"));
                String before = row.state;
                row.update(now, Instant.now());
                if (file != null && row.response == null) {
                    row.response = store.store(file, "task-" + row.taskId + "-response", io.progate.packages.Inspection.none());
                }
                if (problem != null) {
                    row.responseProblem = problem;
                }
                if (!Objects.equals(before, row.state) || file != null || problem != null) {
                    Map<String, Object> details = new LinkedHashMap<>();
                    details.put("taskId", row.taskId);
                    details.put("from", before);
                    details.put("state", row.state);
                    if (row.returnCode != null) {
                        details.put("returnCode", row.returnCode);
                    }
                    if (row.response != null) {
                        details.put("responseSize", row.response.sizeBytes);
                        details.put("responseSha256", row.response.sha256);
                    }
                    if (problem != null) {
                        details.put("responseProblem", problem);
                    }
                    audit.record(AuditRecord.of("task.state", "request", Long.toString(row.requestId))
                            .team(row.teamId).actor(AuditLog.SYSTEM).details(details));
                }
            });
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    file.toFile().deleteOnExit();
                }
            }
        }
    }

    /** The stored response as a stream read one chunk at a time; 404 when there is none. */
    public Download response(long requestId, User user) {
        ReleaseRequest r = QuarkusTransaction.requiringNew().call(() -> requests.require(requestId, user));
        return QuarkusTransaction.requiringNew().call(() -> RequestTask.ofRequest(r.id)
                .filter(t -> t.response != null && !t.response.isPurged())
                .map(t -> new Download(t.response.id, t.response.sizeBytes, t.response.sha256, "task-" + r.id
                        + "-response.json"))
                .orElseThrow(() -> new NotFoundException("no stored response")));
    }

    public InputStream open(Download download) {
        return store.open(download.packageId());
    }

    /** A stored response: where it is, its size and hash, and the file name a download suggests. */
    public record Download(long packageId, long size, String sha256, String fileName) {
    }

    private static Path spool(byte[] bytes) {
        try {
            Path file = Files.createTempFile("progate-task-response-", ".bin");
            Files.write(file, bytes);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("could not keep the task response", e);
        }
    }
}

package io.progate.sandbox;

import io.progate.sandbox.store.SandboxCall;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/** The record of calls the sandbox received, for its admin page and for tests. */
@ApplicationScoped
public class SandboxCallLog {

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void record(String method, String path, int status, String keyName, String contentType, String detail) {
        SandboxCall call = new SandboxCall();
        call.method = method;
        call.path = cut(path, 1000);
        call.status = status;
        call.keyName = keyName;
        call.contentType = cut(contentType, 200);
        call.detail = cut(detail, 1000);
        call.persist();
    }

    public List<SandboxCall> latest(int limit) {
        return SandboxCall.latest(limit);
    }

    /** Calls recorded after the call with this id, oldest first. */
    public List<SandboxCall> since(long afterId) {
        return SandboxCall.since(afterId);
    }

    /** The id of the newest call recorded so far (0 when none). */
    public long lastId() {
        return SandboxCall.lastId();
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}

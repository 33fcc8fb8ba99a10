package io.progate.sandbox;

import io.progate.sandbox.store.SandboxScope;

/**
 * A refusal by the sandbox, answered as {@code {"message": ...}} with the status docs/pro-api.md
 * decided: 401 key, 403 scope, 404 unknown, 400 invalid, 409 conflict, 405 illegal state.
 */
public class SandboxException extends RuntimeException {

    private final int status;

    SandboxException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }

    static SandboxException unauthorized() {
        return new SandboxException(401, "missing, unknown or expired API key");
    }

    static SandboxException forbidden(SandboxScope scope) {
        return new SandboxException(403, "the API key lacks the scope " + scope.wireName());
    }

    static SandboxException notFound(String what) {
        return new SandboxException(404, what + " not found");
    }

    static SandboxException invalid(String message) {
        return new SandboxException(400, message);
    }

    static SandboxException conflict(String message) {
        return new SandboxException(409, message);
    }

    static SandboxException illegalState(String message) {
        return new SandboxException(405, message);
    }
}

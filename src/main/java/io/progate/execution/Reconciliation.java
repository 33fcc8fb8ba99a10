package io.progate.execution;

/** What PRO says about a change whose outcome was unknown. */
public record Reconciliation(Kind kind, String message, String taskId) {

    public enum Kind {
        /** The change is there: the request succeeded. */
        DONE,
        /** The change is not there: carry it out (again). */
        NOT_DONE,
        /** PRO holds something else than the request would have made: stop. */
        DIFFERENT
    }

    static Reconciliation done(String message) {
        return new Reconciliation(Kind.DONE, message, null);
    }

    /** A task request whose task PRO lists: the request succeeded with that task. */
    static Reconciliation doneWithTask(String message, String taskId) {
        return new Reconciliation(Kind.DONE, message, taskId);
    }

    static Reconciliation notDone(String message) {
        return new Reconciliation(Kind.NOT_DONE, message, null);
    }

    static Reconciliation different(String message) {
        return new Reconciliation(Kind.DIFFERENT, message, null);
    }
}

package io.progate.execution;

/** What PRO says about a change whose outcome was unknown. */
public record Reconciliation(Kind kind, String message) {

    public enum Kind {
        /** The change is there: the request succeeded. */
        DONE,
        /** The change is not there: carry it out (again). */
        NOT_DONE,
        /** PRO holds something else than the request would have made: stop. */
        DIFFERENT
    }

    static Reconciliation done(String message) {
        return new Reconciliation(Kind.DONE, message);
    }

    static Reconciliation notDone(String message) {
        return new Reconciliation(Kind.NOT_DONE, message);
    }

    static Reconciliation different(String message) {
        return new Reconciliation(Kind.DIFFERENT, message);
    }
}

package io.progate.pro;

/** PRO answered with an error status; {@link ProCalls} turns it into a {@link ProException}. */
class ProHttpFailure extends RuntimeException {

    final int status;
    final String body;

    ProHttpFailure(int status, String body) {
        super("PRO answered " + status, null, false, false);
        this.status = status;
        this.body = body == null ? "" : body;
    }
}

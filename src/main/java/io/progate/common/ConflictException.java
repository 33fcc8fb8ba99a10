package io.progate.common;

/** The change clashes with what exists (a duplicate name, a state that moved on). Answered with 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}

package io.progate.common;

/** A problem with one input field, shown next to that field on a page and listed in API errors. */
public record FieldError(String field, String message) {

    @Override
    public String toString() {
        return field + ": " + message;
    }
}

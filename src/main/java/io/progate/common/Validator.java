package io.progate.common;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Collects field errors, then throws them all at once, so a form shows every problem in one go. */
public final class Validator {

    private final List<FieldError> errors = new ArrayList<>();

    public Validator require(String field, String value, String label) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, label + " is required"));
        }
        return this;
    }

    public Validator maxLength(String field, String value, int max) {
        if (value != null && value.length() > max) {
            errors.add(new FieldError(field, "at most " + max + " characters"));
        }
        return this;
    }

    public Validator matches(String field, String value, Pattern pattern, String message) {
        if (value != null && !value.isBlank() && !pattern.matcher(value).matches()) {
            errors.add(new FieldError(field, message));
        }
        return this;
    }

    public Validator check(boolean ok, String field, String message) {
        if (!ok) {
            errors.add(new FieldError(field, message));
        }
        return this;
    }

    public boolean hasErrorOn(String field) {
        return errors.stream().anyMatch(e -> e.field().equals(field));
    }

    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}

package io.progate.web;

import io.progate.common.FieldError;
import java.util.List;

/** The body of every JSON API error. */
public record ApiError(String error, List<FieldError> details) {

    public static ApiError of(String error) {
        return new ApiError(error, List.of());
    }
}

package io.progate.request;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads a TASK request's stored payload ({@link TaskFields}) back. */
public final class TaskCodec {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TaskCodec() {
    }

    public static TaskFields fields(ReleaseRequest r) {
        return read(r.payload);
    }

    public static TaskFields read(String payload) {
        try {
            return JSON.readValue(payload, TaskFields.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the TASK request's stored payload cannot be read", e);
        }
    }
}

package io.progate.diff;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/** The stored model diff of one publish request ({@link ModelDiff} as JSON), written once when it is filed. */
@Entity
@Table(name = "request_diff")
public class RequestDiff extends PanacheEntityBase {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .addMixIn(FileDiff.class, Stored.class);

    /** The stored JSON leaves out what is derived from the hunks. */
    private abstract static class Stored {
        @JsonIgnore
        abstract String unified();
    }

    @Id
    @Column(name = "request_id")
    public Long requestId;

    @Column(name = "base_request_id")
    public Long baseRequestId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ModelDiff.Kind kind;

    @Column(nullable = false)
    public String body;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The model diff of a request; empty for requests filed without one (not a publish, or filed before diffs). */
    public static Optional<ModelDiff> forRequest(long requestId) {
        return RequestDiff.<RequestDiff>findByIdOptional(requestId).map(RequestDiff::diff);
    }

    public ModelDiff diff() {
        try {
            return JSON.readValue(body, ModelDiff.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the stored diff of request " + requestId + " is not readable", e);
        }
    }

    static String write(ModelDiff diff) {
        try {
            return JSON.writeValueAsString(diff);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a model diff cannot be written as JSON", e);
        }
    }
}

package io.progate.sandbox;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The JSON the sandbox reads and answers, written from AIMMS's documentation (docs/pro-api.md) and
 * sharing no type with ProGate's PRO client. Request bodies are read strictly by {@link SandboxJson}:
 * a field not listed here is refused with 400, so a misspelt field in the client fails a test.
 */
public final class SandboxWire {

    private SandboxWire() {
    }

    /**
     * The {@code metadata} part of a publish (documented). {@code projectVersionId} is the older
     * servers' name for {@code projectVersion}; either is accepted.
     */
    public record PublishMetadata(
            String name,
            String description,
            String projectVersion,
            String projectVersionId,
            String aimmsVersionId,
            String projectCategory,
            Map<String, String> attributes,
            Integer publishBehavior,
            String oldProjectName,
            String oldProjectVersion,
            String resourceProfile) {
    }

    /** The body of {@code PATCH /applications/{name}/{version}} (documented); absent fields stay unchanged. */
    public record AppPatch(
            String description,
            String projectCategory,
            @JsonProperty("isLatest") Boolean isLatest,
            Map<String, String> attributes,
            List<Authorization> authorizations,
            String resourceProfile) {
    }

    /** One access entry (documented): a bitmask 1..7 (read 4, write 2, execute 1), deny, an entity id. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Authorization(Integer authorization, Boolean deny, Long entity) {
    }

    /** The body of a category create or rename (decided from the official Python wrapper). */
    public record CategoryValue(String value) {
    }

    /** The body of an API key creation (decided). */
    public record NewKey(String name, @JsonProperty("expiration_date") LocalDate expirationDate, List<String> scopes) {
    }

    /** The body of {@code PUT /tasks/{id}} (documented). */
    public record TaskStatus(String setstatus) {
    }

    /**
     * An app version as the sandbox answers it (decided; AIMMS documents JSON since 24.2.2).
     * {@code authorizations} appears only in the mode that sends it.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record App(
            String name,
            String projectVersion,
            String description,
            String aimmsVersionId,
            String projectCategory,
            Map<String, String> attributes,
            @JsonProperty("isLatest") boolean isLatest,
            boolean hidden,
            String publishedAt,
            String resourceProfile,
            List<Authorization> authorizations) {
    }

    /** An app category (decided from the official Python wrapper). */
    public record Category(String id, String value) {
    }

    /** An AIMMS version (documented shape {@code {"versions": [{"id": ...}]}}). */
    public record AimmsVersion(String id, boolean official) {
    }

    /** The answer to {@code GET /aimms-versions}. */
    public record AimmsVersions(List<AimmsVersion> versions) {
    }

    /** An API key; {@code value} only in the answer to its creation. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Key(String name, @JsonProperty("expiration_date") String expirationDate, List<String> scopes,
            String value) {
    }

    /** A user-manager environment (documented fields); {@code id} is the sandbox's addition and may be left out. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Environment(Long id, @JsonProperty("account_name") String accountName,
            @JsonProperty("environment_name") String environmentName) {
    }

    /** A user-manager group (documented fields); {@code id} as for environments. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Group(Long id, @JsonProperty("account_name") String accountName,
            @JsonProperty("environment_name") String environmentName, @JsonProperty("group_name") String groupName) {
    }

    /** A user-manager user (documented fields); {@code id} as for environments. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record User(Long id, @JsonProperty("account_name") String accountName,
            @JsonProperty("environment_name") String environmentName, @JsonProperty("user_name") String userName,
            String email, @JsonProperty("full_name") String fullName, List<String> groups) {
    }
}

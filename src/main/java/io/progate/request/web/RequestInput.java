package io.progate.request.web;

import io.progate.packages.Upload;
import io.progate.pro.model.AppUpdate;
import io.progate.pro.model.PublishMetadata;
import io.progate.request.Submission;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The JSON of a new request: {@code metadata} for a publish (with {@code devBuilds} true to allow an
 * AIMMS development build), {@code appName/appVersion} (and {@code changes}) otherwise; for a task
 * also {@code serviceName} and {@code input}, the service's JSON input (or a {@code file} part);
 * {@code notBefore} (optional, ISO-8601) the earliest start once approved; for a publish optionally
 * {@code diffBase}, the id of an earlier publish request whose package the model diff compares with.
 */
public record RequestInput(String type, String reason, PublishMetadata metadata, String appName, String appVersion,
        AppUpdate changes, Boolean devBuilds, String serviceName, JsonNode input, String notBefore, Long diffBase) {

    public RequestInput(String type, String reason, PublishMetadata metadata, String appName, String appVersion,
            AppUpdate changes, Boolean devBuilds, String serviceName, JsonNode input) {
        this(type, reason, metadata, appName, appVersion, changes, devBuilds, serviceName, input, null, null);
    }

    public RequestInput(String type, String reason, PublishMetadata metadata, String appName, String appVersion,
            AppUpdate changes, Boolean devBuilds) {
        this(type, reason, metadata, appName, appVersion, changes, devBuilds, null, null);
    }

    public Submission toSubmission(Upload file, Upload icon) {
        return new Submission(type, reason, metadata, appName, appVersion, changes, file, icon,
                Boolean.TRUE.equals(devBuilds), serviceName, input == null || input.isMissingNode() ? null
                        : input.toString(), notBefore, diffBase);
    }
}

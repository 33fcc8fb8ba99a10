package io.progate.task;

import io.progate.request.ReleaseRequest;
import io.progate.team.Team;
import io.quarkus.qute.TemplateExtension;

/** Addresses of the task pages, for templates and resources. */
@TemplateExtension
public final class TaskUrls {

    private TaskUrls() {
    }

    public static String taskUrl(ReleaseRequest r) {
        return "/requests/" + r.id + "/task";
    }

    public static String taskResponseUrl(ReleaseRequest r) {
        return taskUrl(r) + "/response";
    }

    public static String taskInterruptUrl(ReleaseRequest r) {
        return taskUrl(r) + "/interrupt";
    }

    public static String taskDeleteUrl(ReleaseRequest r) {
        return taskUrl(r) + "/delete";
    }

    public static String tasksUrl(Team team) {
        return "/teams/" + team.slug + "/tasks";
    }

    public static String newTaskUrl(Team team) {
        return tasksUrl(team) + "/new";
    }

    /** The API address that streams a request's stored task response. */
    public static String apiResponseUrl(long requestId) {
        return "/api/v1/requests/" + requestId + "/task/response";
    }
}

package io.progate.pro.model;

import java.util.List;

/** One page of tasks and how many there are in all. */
public record TaskPage(List<ProTask> tasks, long total) {
}

package io.progate.task;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How ProGate follows the tasks it created. */
@ConfigMapping(prefix = "progate.tasks")
public interface TaskConfig {

    /** Whether this replica asks PRO about running tasks on a schedule. */
    @WithDefault("true")
    boolean poll();

    /** How often running tasks are looked at (a Quarkus scheduler interval such as 5s). */
    @WithDefault("5s")
    String pollEvery();

    /** Tasks asked about per round at most. */
    @WithDefault("50")
    int batch();

    /** Tasks per page on the team's tasks page and API. */
    @WithDefault("25")
    int pageSize();
}

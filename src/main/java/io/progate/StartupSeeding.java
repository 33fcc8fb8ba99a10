package io.progate;

import io.progate.account.AdminBootstrap;
import io.progate.demo.DemoSeed;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

/**
 * The one start-up observer that seeds portal data, step after step: the admin account first (it
 * looks for an empty database, so nothing may seed users before it), then the demo data. Runs
 * before the other start-up observers (the sandbox seeds its own tables on its own).
 */
@ApplicationScoped
public class StartupSeeding {

    @Inject
    AdminBootstrap admin;

    @Inject
    DemoSeed demo;

    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION) StartupEvent event) {
        admin.run();
        demo.seed();
    }
}

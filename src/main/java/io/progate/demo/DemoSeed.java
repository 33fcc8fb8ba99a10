package io.progate.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Demo data for the dev profile ({@code progate.demo.enabled}), in order by construction: first
 * the demo users and team ({@link DemoData}), then the team's credential made from the sandbox's
 * demo key ({@link DemoCredential}), then the demo apps with their published versions ({@link DemoApps}). Each step is idempotent and runs in its own transaction.
 * Called at start-up by {@link io.progate.StartupSeeding}, after the admin account exists.
 */
@ApplicationScoped
public class DemoSeed {

    @Inject
    DemoData data;

    @Inject
    DemoCredential credential;

    @Inject
    DemoApps apps;

    public void seed() {
        data.create();
        credential.create();
        apps.create();
    }
}

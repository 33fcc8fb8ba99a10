package io.progate.sandbox;

import io.quarkus.qute.TemplateGlobal;
import org.eclipse.microprofile.config.ConfigProvider;

/** {@code sandboxOn} in every template: whether the PRO sandbox is served (for the admin nav link). */
@TemplateGlobal
public class SandboxTemplateGlobals {

    static boolean sandboxOn() {
        return ConfigProvider.getConfig().getOptionalValue("progate.sandbox.enabled", Boolean.class).orElse(false);
    }
}

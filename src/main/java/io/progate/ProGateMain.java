package io.progate;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Entry point. Before the portal boots, the prod profile's required settings are checked, so that a
 * missing one ends the process with one clear line instead of a stack trace from deep inside a
 * datasource or a login.
 */
@QuarkusMain
public final class ProGateMain {

    private ProGateMain() {
    }

    public static void main(String... args) {
        List<String> missing = isPackagedRun() ? StartupRequirements.missing(ConfigProvider.getConfig()) : List.of();
        if (!missing.isEmpty()) {
            System.err.println("ProGate refuses to start: " + String.join("; ", missing));
            System.exit(1);
        }
        Quarkus.run(args);
    }

    /**
     * True for the packaged application ({@code java -jar quarkus-run.jar}); false in dev mode and
     * tests, which load the application through Quarkus's own class loader and bring their own
     * defaults. The launch mode is not known yet at this point, so the class loader tells.
     */
    static boolean isPackagedRun() {
        return ProGateMain.class.getClassLoader().getClass().getName().equals("io.quarkus.bootstrap.runner.RunnerClassLoader");
    }
}

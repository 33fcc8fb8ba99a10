package io.progate.sandbox;

import io.progate.sandbox.store.SandboxMode;
import io.progate.sandbox.store.SandboxModeRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Which {@link SandboxMode}s are on: set by tests (and admins over JSON), read on every sandbox call. */
@ApplicationScoped
public class SandboxModes {

    /** Switches these modes on (the others keep their state). */
    @Transactional
    public void on(SandboxMode... modes) {
        for (SandboxMode mode : modes) {
            if (SandboxModeRow.count("mode", mode) == 0) {
                SandboxModeRow row = new SandboxModeRow();
                row.mode = mode;
                row.persist();
            }
        }
    }

    /** Switches every mode off: the sandbox behaves as its defaults say again. */
    @Transactional
    public void clear() {
        SandboxModeRow.deleteAll();
    }

    @Transactional
    public void set(Set<SandboxMode> modes) {
        SandboxModeRow.deleteAll();
        on(modes.toArray(new SandboxMode[0]));
    }

    public Set<SandboxMode> active() {
        List<SandboxModeRow> rows = SandboxModeRow.listAll();
        Set<SandboxMode> modes = EnumSet.noneOf(SandboxMode.class);
        rows.forEach(r -> modes.add(r.mode));
        return modes;
    }

    public boolean isOn(SandboxMode mode) {
        return SandboxModeRow.count("mode", mode) > 0;
    }
}

package io.progate.pro;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;

/** The state of the circuit breaker ProGate keeps per PRO account URL, for pages and tests. */
@ApplicationScoped
public class ProBreakers {

    @Inject
    ProCalls calls;

    /** {@code closed} (calls go through), {@code open} (calls paused) or {@code half-open} (a trial call may pass). */
    public String state(String proUrl) {
        return calls.breakerState(proUrl).name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}

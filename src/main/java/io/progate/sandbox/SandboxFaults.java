package io.progate.sandbox;

import io.progate.sandbox.store.SandboxFault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Fault switches for tests and demos: the next N sandbox calls whose path contains a given text
 * (and, if set, use a given method) answer a status or a web page, hang, or lose their connection. Kept in the
 * database so that every replica honours them.
 */
@ApplicationScoped
public class SandboxFaults {

    /** A switch to set; build it with {@link #status}, {@link #hang}, {@link #drop} or {@link #html}. */
    public record Fault(String method, String pathPart, int times, SandboxFault.Kind kind, Integer status, Long hangMillis) {

        public static Fault status(String pathPart, int times, int status) {
            return new Fault(null, pathPart, times, SandboxFault.Kind.STATUS, status, null);
        }

        public static Fault hang(String pathPart, int times, Duration duration) {
            return new Fault(null, pathPart, times, SandboxFault.Kind.HANG, null, duration.toMillis());
        }

        public static Fault drop(String pathPart, int times) {
            return new Fault(null, pathPart, times, SandboxFault.Kind.DROP, null, null);
        }

        /** {@code 200 text/html} with a sign-in page, as a proxy in front of PRO may answer. */
        public static Fault html(String pathPart, int times) {
            return new Fault(null, pathPart, times, SandboxFault.Kind.HTML, null, null);
        }

        public Fault onMethod(String httpMethod) {
            return new Fault(httpMethod, pathPart, times, kind, status, hangMillis);
        }
    }

    @Transactional
    public long add(Fault fault) {
        if (fault.pathPart() == null || fault.pathPart().isBlank() || fault.times() < 1 || fault.kind() == null) {
            throw SandboxException.invalid("a fault needs pathPart, times of at least 1 and a kind");
        }
        if (fault.kind() == SandboxFault.Kind.STATUS && (fault.status() == null || fault.status() < 400 || fault.status() > 599)) {
            throw SandboxException.invalid("a STATUS fault needs a status from 400 to 599");
        }
        if (fault.kind() == SandboxFault.Kind.HANG && (fault.hangMillis() == null || fault.hangMillis() < 1
                || fault.hangMillis() > Duration.ofMinutes(10).toMillis())) {
            throw SandboxException.invalid("a HANG fault needs hangMillis from 1 to 600000");
        }
        SandboxFault row = new SandboxFault();
        row.method = fault.method() == null || fault.method().isBlank() ? null : fault.method().toUpperCase(Locale.ROOT);
        row.pathPart = fault.pathPart();
        row.remaining = fault.times();
        row.kind = fault.kind();
        row.status = fault.status();
        row.hangMillis = fault.hangMillis();
        row.persist();
        return row.id;
    }

    @Transactional
    public void clear() {
        SandboxFault.deleteAll();
    }

    public List<SandboxFault> active() {
        return SandboxFault.list("remaining > 0 order by id");
    }

    /** The oldest armed switch matching this call, used up by one; empty when none matches. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    Optional<Fault> take(String method, String path) {
        List<SandboxFault> armed = SandboxFault.find("remaining > 0 order by id")
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
        for (SandboxFault fault : armed) {
            if (path.contains(fault.pathPart) && (fault.method == null || fault.method.equalsIgnoreCase(method))) {
                fault.remaining--;
                return Optional.of(new Fault(fault.method, fault.pathPart, 1, fault.kind, fault.status, fault.hangMillis));
            }
        }
        return Optional.empty();
    }
}

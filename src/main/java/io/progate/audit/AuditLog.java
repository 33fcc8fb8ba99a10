package io.progate.audit;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Appends events to the audit log, in the caller's transaction: if the event cannot be written the
 * change it describes is rolled back with it. Writers take a transaction-scoped advisory lock, so
 * concurrent writers append one after the other and the hash chain never forks.
 */
@ApplicationScoped
public class AuditLog {

    /** Key of the advisory lock that serialises appends. */
    static final long CHAIN_LOCK = 0x50524F474154454CL;
    public static final String SYSTEM = "system";

    @Inject
    EntityManager em;

    @Inject
    Event<AuditRecorded> recorded;

    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEvent record(AuditRecord record) {
        em.createNativeQuery("select pg_advisory_xact_lock(?1)").setParameter(1, CHAIN_LOCK).getSingleResult();
        String prev = AuditEvent.find("order by id desc").<AuditEvent>firstResultOptional()
                .map(last -> last.hash).orElse(AuditChain.GENESIS);
        AuditEvent event = new AuditEvent();
        event.occurredAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        event.actor = truncate(record.actor != null ? record.actor : currentActor(), 64);
        event.sourceIp = record.sourceIp != null ? record.sourceIp : currentIp();
        event.teamId = record.teamId;
        event.action = record.action;
        event.targetType = record.targetType;
        event.targetId = truncate(record.targetId, 200);
        event.outcome = record.outcome;
        event.details = AuditChain.canonicalJson(AuditRedaction.strip(record.details));
        event.prevHash = prev;
        event.hash = AuditChain.hash(event);
        em.persist(event);
        em.flush();
        recorded.fire(new AuditRecorded(event.action, event.targetType, event.targetId, event.teamId, event.actor,
                event.outcome, AuditRedaction.strip(record.details)));
        return event;
    }

    private static String currentActor() {
        if (!requestActive()) {
            return SYSTEM;
        }
        SecurityIdentity identity = Arc.container().instance(SecurityIdentity.class).get();
        return identity == null || identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    private static String currentIp() {
        if (!requestActive()) {
            return null;
        }
        RoutingContext context = Arc.container().instance(CurrentVertxRequest.class).get().getCurrent();
        return context == null || context.request().remoteAddress() == null ? null
                : context.request().remoteAddress().hostAddress();
    }

    private static boolean requestActive() {
        InjectableContext context = Arc.container().requestContext();
        return context != null && context.isActive();
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}

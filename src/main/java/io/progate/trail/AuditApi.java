package io.progate.trail;

import io.progate.account.CurrentUser;
import io.progate.audit.AuditExport;
import io.progate.audit.AuditFilter;
import io.progate.audit.AuditPage;
import io.progate.audit.AuditParams;
import io.progate.audit.AuditVerifier;
import io.progate.audit.ChainReport;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The audit log for automation: search with keyset pages, streamed export, chain verification.
 * Members see their teams' events, admins all of them.
 */
@Path("/api/v1/audit")
@RolesAllowed("user")
public class AuditApi {

    @Inject
    AuditService audit;

    @Inject
    AuditExport export;

    @Inject
    AuditVerifier verifier;

    @Inject
    CurrentUser currentUser;

    @GET
    public AuditPage search(@BeanParam AuditParams params) {
        return audit.page(currentUser.get(), params);
    }

    @GET
    @Path("export")
    public Response export(@BeanParam AuditParams params, @RestQuery String format) {
        AuditExport.Format f = AuditExport.Format.parse(format);
        AuditFilter filter = audit.filterFor(currentUser.get(), params);
        return Response.ok(export.stream(filter, f), f.mediaType)
                .header("Content-Disposition", "attachment; filename=\"" + f.fileName() + "\"")
                .build();
    }

    /** Walks the whole chain, or from event {@code from} on, and says where it first breaks. */
    @GET
    @Path("verify")
    @RolesAllowed("admin")
    public ChainReport verify(@RestQuery String from) {
        return verifier.verify(AuditService.fromId(from));
    }
}

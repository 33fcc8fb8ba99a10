package io.progate.notify;

import io.progate.account.CurrentUser;
import io.progate.web.Flash;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** For admins: dead deliveries (with their reason, and a button to send them again) and the recent ones. */
@Path(NotifyUrls.ADMIN_PAGE)
@RolesAllowed("admin")
public class AdminNotificationsResource {

    static final int SHOWN = 200;

    @Inject
    DeliveryQueue queue;

    @Inject
    CurrentUser currentUser;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance notifications(List<Delivery> deliveries, long dead, long pending, int shown);
    }

    @GET
    @Transactional
    public TemplateInstance page() {
        return Templates.notifications(Delivery.deadAndRecent(SHOWN), Delivery.countIn(DeliveryStatus.DEAD),
                Delivery.countIn(DeliveryStatus.PENDING), SHOWN);
    }

    @POST
    @Path("{id}/retry")
    public Response retry(@PathParam("id") long id) {
        queue.retry(id, currentUser.get().username);
        return Flash.redirect(NotifyUrls.ADMIN_PAGE, "Delivery " + id + " will be sent again.");
    }
}

package io.progate.notify;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;

/**
 * Dev mode only (the class does not exist in the test and prod builds): the e-mails ProGate sent, so
 * the demo shows its notifications without any SMTP server (dev keeps mail in Quarkus's mock mailbox).
 */
@Path("/dev/mail")
@Authenticated
@IfBuildProfile("dev")
public class DevMailResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance mail(List<Delivery> mails);
    }

    @GET
    @Transactional
    public TemplateInstance mail() {
        return Templates.mail(Delivery.<Delivery>list("channel = ?1 order by id desc", Channel.EMAIL).stream().limit(100).toList());
    }
}

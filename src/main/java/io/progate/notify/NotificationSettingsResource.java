package io.progate.notify;

import io.progate.account.CurrentUser;
import io.progate.account.User;
import io.progate.web.Flash;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/** Each person chooses, per kind of event, whether it comes by e-mail. */
@Path(NotifyUrls.SETTINGS_PAGE)
@Authenticated
public class NotificationSettingsResource {

    @Inject
    CurrentUser currentUser;

    @Inject
    PreferenceService preferences;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance settings(User user, List<NotificationKind> kinds, Map<NotificationKind, Boolean> email);
    }

    @GET
    @Transactional
    public TemplateInstance page() {
        User user = currentUser.get();
        return Templates.settings(user, List.of(NotificationKind.values()), Preference.emailChoicesOf(user.id));
    }

    @POST
    public Response save(@RestForm("email") List<String> email) {
        preferences.save(currentUser.get(), email == null ? List.of() : email);
        return Flash.redirect(NotifyUrls.SETTINGS_PAGE, "Notification settings saved.");
    }
}

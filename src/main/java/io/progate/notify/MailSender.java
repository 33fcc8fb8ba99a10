package io.progate.notify;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Sends a delivery as a plain-text e-mail through {@code quarkus-mailer} (SMTP from QUARKUS_MAILER_*;
 * dev and test keep mail in Quarkus's mock mailbox unless a host is set).
 */
@ApplicationScoped
public class MailSender {

    @Inject
    Mailer mailer;

    @Inject
    Outbox outbox;

    public void send(Delivery d) {
        String body = d.message + "\n\n" + d.link + "\n\n-- \nProGate. Choose what you receive: "
                + outbox.link("/me/notifications") + "\n";
        try {
            mailer.send(Mail.withText(d.address, "[ProGate] " + d.message, body));
        } catch (RuntimeException e) {
            throw new DeliveryFailedException("SMTP: " + describe(e), false);
        }
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}

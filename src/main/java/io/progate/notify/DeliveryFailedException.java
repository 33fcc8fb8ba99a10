package io.progate.notify;

/** A delivery did not get through; {@code permanent} when retrying cannot help (webhook gone, 4xx answer). */
public class DeliveryFailedException extends RuntimeException {

    private final boolean permanent;

    public DeliveryFailedException(String reason, boolean permanent) {
        super(reason);
        this.permanent = permanent;
    }

    public boolean permanent() {
        return permanent;
    }
}

package io.progate.notify;

/** PENDING until delivered (SENT) or until it failed too often (DEAD, with the last reason). */
public enum DeliveryStatus {
    PENDING, SENT, DEAD
}

package io.progate.pro;

/** The breaker for this PRO account is open: the call was not made. Not retried right away. */
class CircuitOpenException extends ProException {

    CircuitOpenException(String proUrl) {
        super(0, "PRO account " + proUrl + " failed repeatedly; calls to it are paused for a while", "", true);
    }
}

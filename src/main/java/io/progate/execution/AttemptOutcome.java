package io.progate.execution;

/**
 * How an attempt ended. {@code TRANSIENT} and an unknown (null) outcome leave PRO's state
 * uncertain, so the next attempt first asks PRO; {@code RECONCILED} and {@code LOST} are what
 * that question found out about such an attempt (the change arrived, or it did not).
 */
public enum AttemptOutcome {
    SUCCEEDED, FAILED, TRANSIENT, DRIFT, RECONCILED, LOST
}

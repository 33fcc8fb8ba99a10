package io.progate.schedule;

import java.time.Instant;

/**
 * Why an approved request may not start yet and when it may: {@code until} the first moment it may,
 * {@code why} in words, {@code freezeId} the freeze holding it (lifting it releases the request).
 */
public record Hold(Instant until, String why, Long freezeId) {
}

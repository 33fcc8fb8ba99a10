package io.progate.common;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class LastUseTest {

    @Test
    void aRowIsDueOnceAMinute() {
        LastUse<Long> lastUse = new LastUse<>();
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        assertTrue(lastUse.due(1L, t));
        assertFalse(lastUse.due(1L, t.plusSeconds(59)));
        assertTrue(lastUse.due(2L, t.plusSeconds(1)), "another row has its own minute");
        assertTrue(lastUse.due(1L, t.plusSeconds(60)));
        assertFalse(lastUse.due(1L, t.plusSeconds(61)));
    }
}

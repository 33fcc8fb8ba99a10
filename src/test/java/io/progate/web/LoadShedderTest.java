package io.progate.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.runtime.configuration.MemorySize;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoadShedderTest {

    @Test
    void admitsUpToTheCapAndRefusesOneMoreWithoutCountingIt() {
        LoadShedder shedder = new LoadShedder();
        shedder.config = new WebConfig() {
            public MemorySize maxBodySize() {
                return new MemorySize(BigInteger.ONE);
            }

            public Optional<List<String>> trustedOrigins() {
                return Optional.empty();
            }

            public int maxInFlight() {
                return 2;
            }
        };
        assertTrue(shedder.enter());
        assertTrue(shedder.enter());
        assertFalse(shedder.enter());
        assertFalse(shedder.enter());
        assertEquals(2, shedder.inFlight(), "a refused request holds no place");
    }
}

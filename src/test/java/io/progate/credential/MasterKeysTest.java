package io.progate.credential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.progate.credential.seal.MasterKeyException;
import io.progate.credential.seal.MasterKeys;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MasterKeysTest {

    static final String GOOD = SealerTest.randomKey();

    static String problem(String list, String active) {
        MasterKeyException e = assertThrows(MasterKeyException.class, () -> MasterKeys.parse(list, active));
        assertFalse(e.getMessage().contains(GOOD), "never shows key material: " + e.getMessage());
        return e.getMessage();
    }

    @Test
    void parsesSeveralKeysAndTheActiveOne() {
        MasterKeys keys = MasterKeys.parse(" old=" + GOOD + " , new=" + SealerTest.randomKey(), " new ");
        assertEquals(Set.of("old", "new"), keys.ids());
        assertEquals("new", keys.activeId());
        assertEquals(32, keys.active().getEncoded().length);
    }

    @Test
    void missingKeysAreNamed() {
        assertTrue(problem(null, "a").contains("no master keys"));
        assertTrue(problem("  ", "a").contains("PROGATE_MASTER_KEYS"));
    }

    @Test
    void missingActiveIdIsNamed() {
        assertTrue(problem("a=" + GOOD, null).contains("PROGATE_ACTIVE_MASTER_KEY"));
    }

    @Test
    void activeIdMustBeAmongTheKeys() {
        String message = problem("a=" + GOOD, "b");
        assertTrue(message.contains("'b' is not among"), message);
    }

    @Test
    void unparsableEntriesAreRefusedWithoutEchoingThem() {
        assertTrue(problem("just-garbage", "a").contains("entry 1 is not of the form id=base64"));
        assertTrue(problem("a=" + GOOD, GOOD).contains("(not a valid id)"), "a key pasted as the active id is not echoed");
        assertTrue(problem("a=" + GOOD + ",b=not*base64", "a").contains("entry 2 (id 'b') is not valid base64"));
        assertTrue(problem("a b=" + GOOD, "a b").contains("invalid id"));
        assertTrue(problem("a=" + GOOD + ",a=" + GOOD, "a").contains("repeats the id 'a'"));
    }

    @Test
    void wrongLengthIsRefused() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        String message = problem("a=" + shortKey, "a");
        assertTrue(message.contains("16 bytes long") && message.contains("must be 32 bytes"), message);
    }

    @Test
    void unknownIdIsAClearError() {
        MasterKeys keys = MasterKeys.parse("a=" + GOOD, "a");
        MasterKeyException e = assertThrows(MasterKeyException.class, () -> keys.require("gone"));
        assertTrue(e.getMessage().contains("'gone' is not configured"));
    }

    @Test
    void scopesAcceptProAliasesCaseInsensitively() {
        assertEquals(Scope.TASKS, Scope.parse("Task").orElseThrow());
        assertEquals(Scope.TASKS, Scope.parse("tasks").orElseThrow());
        assertEquals(Scope.PUBLISH_AIMMS, Scope.parse("PublishAimms").orElseThrow());
        assertEquals(Scope.API_KEY, Scope.parse("API Key").orElseThrow());
        assertEquals(Scope.PUBLISH_APP, Scope.parse("PUBLISH_APP").orElseThrow());
        assertEquals(Scope.AUTHENTICATION, Scope.parse("authentication").orElseThrow());
        assertTrue(Scope.parse("Publish").isEmpty());
        assertTrue(Scope.parse(null).isEmpty());
    }
}

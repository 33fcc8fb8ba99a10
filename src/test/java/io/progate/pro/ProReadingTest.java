package io.progate.pro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.progate.pro.model.AppCategory;
import io.progate.pro.model.ProApiKey;
import io.progate.pro.model.ProTask;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tolerant reading and failure descriptions, without a running portal. */
class ProReadingTest {

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());

    @Test
    void readsBothTimestampFormats() {
        assertEquals(Instant.parse("2023-11-23T15:16:38Z"), ProTimestamps.parse("2023-11-23 15:16:38.000000"));
        assertEquals(Instant.parse("2023-11-23T15:16:38.250Z"), ProTimestamps.parse("2023-11-23T15:16:38.25Z"));
        assertEquals(Instant.parse("2023-11-23T14:16:38Z"), ProTimestamps.parse("2023-11-23T15:16:38+01:00"));
        assertEquals(Instant.parse("2023-11-23T15:16:38Z"), ProTimestamps.parse("2023-11-23T15:16:38"));
        assertNull(ProTimestamps.parse("yesterday"));
        assertNull(ProTimestamps.parse(""));
    }

    @Test
    void taskIgnoresUnknownFieldsAndReadsMixedTimestamps() throws Exception {
        ProTask task = json.readValue("{\"id\":\"t1\",\"state\":\"solving\",\"createdAt\":\"2023-11-23 15:16:38.000000\","
                + "\"endedAt\":\"2023-11-23T15:20:00Z\",\"queueTime\":\"1.5\",\"brandNew\":[1,2]}", ProTask.class);
        assertEquals("t1", task.id());
        assertEquals(Instant.parse("2023-11-23T15:16:38Z"), task.createdAt());
        assertEquals(Instant.parse("2023-11-23T15:20:00Z"), task.endedAt());
        assertEquals(1.5, task.queueTime());
        assertFalse(task.isFinished());
    }

    @Test
    void categoriesAreReadBareOrWrapped() throws Exception {
        ProCategories categories = new ProCategories();
        categories.json = json;
        List<AppCategory> expected = List.of(new AppCategory("1", "other"), new AppCategory("2", "Planning"));
        String array = "[{\"id\":\"1\",\"value\":\"other\"},{\"id\":\"2\",\"value\":\"Planning\",\"n\":3}]";
        assertEquals(expected, categories.read(json.readTree(array)));
        assertEquals(expected, categories.read(json.readTree("{\"application_categories\":" + array + "}")));
        assertEquals(List.of(), categories.read(json.readTree("{}")));
    }

    @Test
    void failuresAreDescribedAndScrubbed() {
        ProAccount account = new ProAccount("https://acme.aimms.cloud/", "secret-key-value-42");
        assertEquals("https://acme.aimms.cloud", account.proUrl());
        assertFalse(account.toString().contains("secret-key-value-42"));
        ProException e = ProFailures.answered(503, "{\"message\":\"down for key secret-key-value-42\","
                + "\"token\":\"abc\"}", account, "list of apps");
        assertTrue(e.isTransient());
        assertFalse(e.getMessage().contains("secret-key-value-42"), e.getMessage());
        assertFalse(e.excerpt().contains("secret-key-value-42"), e.excerpt());
        assertFalse(e.excerpt().contains("abc"), e.excerpt());
        assertTrue(e.getMessage().startsWith("PRO is unavailable (503) for list of apps"), e.getMessage());
        assertFalse(ProFailures.answered(500, "", account, "x").isTransient());
        assertFalse(ProFailures.answered(409, "not json", account, "x").isTransient());
        assertTrue(ProFailures.answered(429, "", account, "x").isTransient());
        String longBody = "x".repeat(5000);
        assertTrue(ProFailures.answered(400, longBody, account, "x").excerpt().length() <= ProFailures.EXCERPT_LENGTH + 1);
        assertFalse(new ProApiKey("k", "2027-01-01", List.of("Tasks"), "VALUE-123").toString().contains("VALUE-123"));
    }
}

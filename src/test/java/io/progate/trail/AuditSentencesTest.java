package io.progate.trail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.progate.audit.AuditEntry;
import io.progate.audit.Outcome;
import io.progate.request.RequestAction;
import io.progate.request.RequestStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every audit action the code writes reads as a sentence. The actions are found in the main sources:
 * each {@code AuditRecord.of("...")} literal, and for the few places that build the action at run time,
 * the values they build it from. A new place that builds one fails {@link #noOtherPlaceBuildsAnAction}
 * until it is listed here, so no action can reach the log without a sentence.
 */
class AuditSentencesTest {

    private static final Path MAIN = Path.of("src/main/java/io/progate");
    /** {@code AuditRecord.of("team.create", ...)}: the action is the literal. */
    private static final Pattern LITERAL = Pattern.compile("AuditRecord\\.of\\(\\s*\"([^\"]+)\"\\s*,");
    /** Anything else ({@code "request." + target}, {@code a ? "x" : "y"}, a variable) builds it at run time. */
    private static final Pattern BUILT = Pattern.compile("AuditRecord\\.of\\(\\s*(?!\"[^\"]+\"\\s*,)");

    /** The files that build an action at run time, and how many places in each. */
    private static final Map<String, Integer> BUILDERS = Map.of(
            "request/RequestService.java", 2,
            "task/TaskService.java", 2,
            "team/TeamService.java", 1,
            "sso/SsoService.java", 1,
            "credential/KeyRotation.java", 1,
            "execution/ExecutionRecorder.java", 1,
            "ownership/OwnershipService.java", 1);

    @Test
    void everyActionTheCodeWritesHasASentence() throws IOException {
        Set<String> written = writtenActions();
        Set<String> missing = new TreeSet<>(written);
        missing.removeAll(AuditSentences.actions());
        assertTrue(missing.isEmpty(), "audit actions without a sentence in AuditSentences: " + missing);
        assertTrue(written.size() > 60, "the scan found the actions: " + written);
    }

    @Test
    void noOtherPlaceBuildsAnAction() throws IOException {
        Map<String, Integer> found = new TreeMap<>();
        for (Path file : sources()) {
            Matcher m = BUILT.matcher(Files.readString(file));
            while (m.find()) {
                found.merge(MAIN.relativize(file).toString().replace('\\', '/'), 1, Integer::sum);
            }
        }
        found.remove("audit/AuditRecord.java");
        assertEquals(new TreeMap<>(BUILDERS), found,
                "a place that builds an audit action at run time: list it in BUILDERS and its actions in writtenActions()");
    }

    @Test
    void everySentenceReadsWithoutDetailsAndAsAFailure() {
        for (String action : AuditSentences.actions()) {
            for (Outcome outcome : Outcome.values()) {
                String sentence = AuditSentences.of(entry(action, outcome, "{}"), "Somebody");
                assertFalse(sentence.isBlank(), action);
                assertFalse(sentence.equals("Somebody: " + action), action + " fell back to its name");
                assertFalse(sentence.contains("null"), action + ": " + sentence);
            }
        }
    }

    @Test
    void decisionsReadAsWhoDidWhatWithTheirComment() {
        assertEquals("Aaron Approver approved · 'looks fine'", AuditSentences.of(entry("request.approve", Outcome.SUCCESS,
                "{\"type\":\"PUBLISH\",\"appName\":\"Planner\",\"appVersion\":\"1.1\",\"comment\":\"looks fine\"}"),
                "Aaron Approver"));
        assertEquals("Rita Reviewer rejected · 'wrong category'", AuditSentences.of(entry("request.reject",
                Outcome.SUCCESS, "{\"comment\":\"wrong category\"}"), "Rita Reviewer"));
        assertEquals("Mo Member tried to approve; refused: you filed this request", AuditSentences.of(entry(
                "request.approve", Outcome.FAILURE, "{\"refused\":403,\"reason\":\"you filed this request\"}"), "Mo Member"));
        assertEquals("Ann Author filed the delete of Planner 1.1 · needs 2 approvals", AuditSentences.of(entry(
                "request.submit", Outcome.SUCCESS, "{\"type\":\"DELETE\",\"appName\":\"Planner\",\"appVersion\":\"1.1\","
                        + "\"requiredApprovals\":2}"), "Ann Author"));
    }

    @Test
    void proCallsAndOutcomesReadInWords() {
        assertEquals("ProGate published Planner 1.1 to PRO in 104 ms", AuditSentences.of(entry("pro.call", Outcome.SUCCESS,
                "{\"method\":\"POST\",\"path\":\"/applications\",\"status\":\"2xx\",\"durationMs\":104,\"attempt\":1,"
                        + "\"type\":\"PUBLISH\",\"appName\":\"Planner\",\"appVersion\":\"1.1\"}"), "ProGate"));
        assertEquals("ProGate's call to PRO (DELETE /applications/Planner/1.1) failed with 409 after 12 ms (attempt 1)",
                AuditSentences.of(entry("pro.call", Outcome.FAILURE, "{\"method\":\"DELETE\",\"path\":"
                        + "\"/applications/Planner/1.1\",\"status\":409,\"durationMs\":12,\"attempt\":1,\"type\":\"DELETE\"}"),
                        "ProGate"));
        assertEquals("ProGate could not carry out the delete of Planner 1.1 after 1 attempt, PRO answered 409: "
                + "PRO refused: version in use", AuditSentences.of(entry("execution.failed", Outcome.FAILURE,
                        "{\"type\":\"DELETE\",\"appName\":\"Planner\",\"appVersion\":\"1.1\",\"attempts\":1,\"proStatus\":409,"
                                + "\"message\":\"PRO refused: version in use\"}"), "ProGate"));
        assertEquals("The task t-1 went from queued to running", AuditSentences.of(entry("task.state", Outcome.SUCCESS,
                "{\"taskId\":\"t-1\",\"from\":\"queued\",\"state\":\"running\"}"), "ProGate"));
        assertEquals("ProGate switched to the new PRO key ops (••••ab12), expiring 2027-01-01T00:00:00Z",
                AuditSentences.of(entry("credential.rotate.switch", Outcome.SUCCESS, "{\"label\":\"ops\",\"last4\":\"ab12\","
                        + "\"expiresAt\":\"2027-01-01T00:00:00Z\"}"), "ProGate"));
    }

    @Test
    void anActionFromAnOlderVersionStillReads() {
        assertEquals("Old Timer: something.retired", AuditSentences.of(entry("something.retired", Outcome.SUCCESS, "{}"),
                "Old Timer"));
        assertEquals("Old Timer approved", AuditSentences.of(entry("request.approve", Outcome.SUCCESS, "not json"),
                "Old Timer"));
    }

    /** Every action the main code writes: the literals, and the values of the places that build one. */
    static Set<String> writtenActions() throws IOException {
        Set<String> actions = new TreeSet<>();
        for (Path file : sources()) {
            Matcher m = LITERAL.matcher(Files.readString(file));
            while (m.find()) {
                actions.add(m.group(1));
            }
        }
        for (RequestAction action : RequestAction.values()) {
            actions.add(action.auditAction());
        }
        for (RequestStatus status : RequestStatus.values()) {
            actions.add("request." + status.name().toLowerCase(Locale.ROOT));
        }
        actions.addAll(matches("task/TaskService.java", "control\\([^,]+,[^,]+,\\s*\"([^\"]+)\""));
        actions.addAll(matches("team/TeamService.java", "AuditRecord\\.of\\(before == null \\? \"([^\"]+)\"\\s*:"));
        actions.addAll(matches("team/TeamService.java", "AuditRecord\\.of\\(before == null \\? \"[^\"]+\"\\s*:\\s*\"([^\"]+)\""));
        actions.addAll(matches("sso/SsoService.java", "record\\(\"([^\"]+)\""));
        matches("credential/KeyRotation.java", "step\\(team, [^\"\\n]*\"([^\"]+)\"").forEach(s -> actions.add("credential.rotate." + s));
        actions.addAll(matches("execution/ExecutionRecorder.java", "\"(execution\\.[a-z]+)\""));
        actions.addAll(matches("ownership/OwnershipService.java", "audited\\(\"([^\"]+)\""));
        return actions;
    }

    private static List<String> matches(String file, String regex) throws IOException {
        Matcher m = Pattern.compile(regex).matcher(Files.readString(MAIN.resolve(file)));
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        assertFalse(found.isEmpty(), "no action found in " + file + " with " + regex);
        return found;
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(f -> f.toString().endsWith(".java")).toList();
        }
    }

    private static AuditEntry entry(String action, Outcome outcome, String details) {
        return new AuditEntry(1, Instant.parse("2026-11-30T10:00:00Z"), "someone", null, 1L, "team", action, "request",
                "7", outcome, details, "0".repeat(64), "1".repeat(64));
    }
}

package io.progate.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.progate.pro.ProPaths;
import io.progate.pro.model.AppUpdate;
import io.progate.pro.model.Authorization;
import io.progate.pro.model.ProScope;
import io.progate.pro.model.PublishMetadata;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one codec of a request's stored body: what it writes, and that bodies stored before still read. */
class PayloadsTest {

    private final Payloads payloads = new Payloads();

    PayloadsTest() {
        payloads.json = new ObjectMapper();
    }

    @Test
    void publishMetadataIsStoredWithPROsKeysAndReadsBack() {
        PublishMetadata m = new PublishMetadata("Planner", "", "1.0", "24.6", "other", Map.of("isWebUI", "true"),
                PublishMetadata.NEW_APP, null, null, null);
        String text = payloads.write(m);
        assertEquals("{\"name\":\"Planner\",\"description\":\"\",\"projectVersion\":\"1.0\",\"aimmsVersionId\":\"24.6\","
                + "\"projectCategory\":\"other\",\"attributes\":{\"isWebUI\":\"true\"},\"publishBehavior\":0}", text);
        assertEquals(m, payloads.publish(text));
    }

    @Test
    void anUpdateIsStoredAsPROGetsItWithoutHelperProperties() {
        AppUpdate u = new AppUpdate("words", null, true, null, List.of(new Authorization(Authorization.READ, false, 12)), null);
        String text = payloads.write(u);
        assertEquals("{\"description\":\"words\",\"isLatest\":true,"
                + "\"authorizations\":[{\"authorization\":4,\"deny\":false,\"entity\":12}]}", text);
        assertEquals(u, payloads.update(text));
    }

    @Test
    void bodiesStoredBeforeOneVocabularyStillRead() {
        // the update record of old wrote its isEmpty() as "empty"; readers ignore it
        AppUpdate u = payloads.update("{\"description\":\"x\",\"authorizations\":[{\"authorization\":5,\"deny\":true,"
                + "\"entity\":7}],\"empty\":false}");
        assertEquals("x", u.description());
        assertEquals(List.of(new Authorization(5, true, 7)), u.authorizations());
        PublishMetadata m = payloads.publish("{\"name\":\"A\",\"projectVersion\":\"2.0\",\"publishBehavior\":2,"
                + "\"oldProjectName\":\"A\",\"oldProjectVersion\":\"1.0\"}");
        assertEquals(PublishMetadata.NEW_VERSION_HIDE_OLD, m.behavior());
        assertEquals("1.0", m.oldProjectVersion());
    }

    @Test
    void noBodyIsAnEmptyObject() {
        assertEquals("{}", payloads.write(null));
        assertTrue(payloads.update("{}").isEmpty());
        assertEquals(PublishMetadata.NEW_APP, payloads.publish("{}").behavior());
    }

    @Test
    void unreadableStoredTextIsSaidSoWithoutEchoingIt() {
        Payloads.UnreadablePayloadException e = assertThrows(Payloads.UnreadablePayloadException.class,
                () -> payloads.update("not json: secret-looking-text"));
        assertFalse(e.getMessage().contains("secret-looking-text"));
        assertThrows(Payloads.UnreadablePayloadException.class, () -> payloads.publish(null));
        assertEquals("not json", payloads.tree("not json").asText());
        assertEquals("not json", payloads.pretty("not json"));
    }

    @Test
    void aMissingAccessNumberReadsAsZeroWhichValidationRefuses() {
        AppUpdate u = payloads.update("{\"authorizations\":[{\"deny\":true}]}");
        assertEquals(new Authorization(0, true, 0), u.authorizations().get(0));
    }

    @Test
    void oneScopeParserKnowsEverySpelling() {
        assertEquals(ProScope.TASKS, ProScope.parse("Task").orElseThrow());
        assertEquals(ProScope.TASKS, ProScope.parse(" tasks ").orElseThrow());
        assertEquals(ProScope.API_KEY, ProScope.parse("API Key").orElseThrow());
        assertEquals(ProScope.API_KEY, ProScope.parse("ApiKeys").orElseThrow());
        assertEquals(ProScope.API_KEY, ProScope.parse("api-key").orElseThrow());
        assertEquals(ProScope.PUBLISH_AIMMS, ProScope.parse("PublishAimms").orElseThrow());
        assertEquals(ProScope.PUBLISH_APP, ProScope.parse("PUBLISH_APP").orElseThrow());
        assertTrue(ProScope.parse("Everything").isEmpty());
        assertTrue(ProScope.parse(null).isEmpty());
        assertEquals("PublishAIMMS", ProScope.PUBLISH_AIMMS.wireName());
    }

    @Test
    void theCallARequestShowsIsBuiltFromProPaths() {
        assertEquals("/pro-api/v2/applications", ProPaths.proApiPath(ProPaths.APPLICATIONS));
        assertEquals("/pro-api/v2/applications/My%20App/1.0%2Bb", ProPaths.appVersionPath("My App", "1.0+b"));
        assertEquals("/pro/user-manager/v1/group", ProPaths.userManagerPath(ProPaths.GROUPS));
    }
}

package io.progate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * No Docker engine runs where the tests run, so the compose file is checked by reading it: the
 * portal runs the prod profile against the compose PostgreSQL, and every variable set for it is one
 * the application reads.
 */
class ComposeFileTest {

    /** Quarkus settings the application relies on from the environment, beyond application.properties. */
    private static final Set<String> QUARKUS_SETTINGS = Set.of(
            "QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD",
            "QUARKUS_INIT_AND_EXIT");

    /** Keys of @ConfigMapping interfaces that have no default and no line in application.properties. */
    private static final Set<String> MAPPED_WITHOUT_DEFAULT = Set.of("PROGATE_ADMIN_PASSWORD");

    private final JsonNode compose = new ObjectMapper(new YAMLFactory()).readTree(Path.of("docker-compose.yml").toFile());
    private final String properties = Files.readString(Path.of("src/main/resources/application.properties"));

    ComposeFileTest() throws IOException {
    }

    @Test
    void portalIsBuiltFromTheJvmDockerfileAndWaitsForPostgres16() {
        JsonNode portal = compose.at("/services/progate");
        assertEquals("src/main/docker/Dockerfile.jvm", portal.at("/build/dockerfile").asText());
        assertTrue(Files.exists(Path.of(portal.at("/build/dockerfile").asText())));
        assertEquals("postgres:16", compose.at("/services/db/image").asText());
        assertEquals("service_healthy", portal.at("/depends_on/db/condition").asText());
        assertTrue(portal.at("/environment/QUARKUS_DATASOURCE_JDBC_URL").asText().startsWith("jdbc:postgresql://db:5432/"));
    }

    @Test
    void everyRequiredProdSettingIsSet() {
        JsonNode env = compose.at("/services/progate/environment");
        for (String required : List.of("QUARKUS_DATASOURCE_JDBC_URL", "PROGATE_ADMIN_PASSWORD", "PROGATE_MASTER_KEYS", "PROGATE_ACTIVE_MASTER_KEY")) {
            assertTrue(env.has(required), required + " is set for the portal");
        }
    }

    @Test
    void everyVariableSetForThePortalIsReadByTheApplication() {
        List<String> unknown = new ArrayList<>();
        for (String service : List.of("progate", "migrate")) {
            for (Iterator<String> names = compose.at("/services/" + service + "/environment").fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!readByApplication(name)) {
                    unknown.add(service + ": " + name);
                }
            }
        }
        assertEquals(List.of(), unknown, "variables the application does not read");
    }

    @Test
    void thePortalRunsAsARoleThatOwnsNothingWhileTheOwnerRunsTheMigrations() throws IOException {
        JsonNode portal = compose.at("/services/progate/environment");
        JsonNode migrate = compose.at("/services/migrate/environment");
        String owner = compose.at("/services/db/environment/POSTGRES_USER").asText();
        assertEquals("progate_app", portal.at("/QUARKUS_DATASOURCE_USERNAME").asText());
        assertEquals("false", portal.at("/QUARKUS_FLYWAY_MIGRATE_AT_START").asText(), "the portal does not migrate");
        assertTrue(!portal.has("QUARKUS_FLYWAY_USERNAME") && !portal.has("QUARKUS_FLYWAY_PASSWORD"),
                "the portal never holds the owner's password");
        assertEquals(owner, migrate.at("/QUARKUS_DATASOURCE_USERNAME").asText(), "migrations run as the owner");
        assertEquals("true", migrate.at("/QUARKUS_INIT_AND_EXIT").asText(), "the migration run exits");
        assertEquals("service_completed_successfully", compose.at("/services/progate/depends_on/migrate/condition").asText());
        assertEquals(compose.at("/services/progate/build/dockerfile").asText(), compose.at("/services/migrate/build/dockerfile").asText());

        List<String> mounts = new ArrayList<>();
        compose.at("/services/db/volumes").forEach(v -> mounts.add(v.asText()));
        assertTrue(mounts.stream().anyMatch(m -> m.startsWith("./src/main/docker/postgres/10-progate-roles.sh:/docker-entrypoint-initdb.d/")), mounts.toString());
        assertTrue(mounts.stream().anyMatch(m -> m.startsWith("./src/main/docker/postgres/roles.sql:/progate/roles.sql")), mounts.toString());
        String roles = Files.readString(Path.of("src/main/docker/postgres/roles.sql")).toLowerCase();
        String script = Files.readString(Path.of("src/main/docker/postgres/10-progate-roles.sh"));
        assertTrue(script.contains("-f /progate/roles.sql") && script.contains("PROGATE_APP_DB_PASSWORD"), script);
        assertTrue(roles.contains("create role progate_app login"), roles);
        assertTrue(roles.contains("grant select, insert, update, delete on tables to progate_app"), roles);
        assertTrue(!roles.contains("owner to progate_app") && !roles.contains("superuser") && !roles.contains("grant all"),
                "progate_app owns nothing and gets no blanket rights");
        assertTrue(roles.contains("revoke create on schema public from public"), "progate_app cannot create tables");
        String v92 = Files.readString(Path.of("src/main/resources/db/migration/V9_2__audit_privileges.sql")).toLowerCase();
        assertTrue(v92.contains("revoke update, delete, truncate") && v92.contains("audit_event"), "only SELECT and INSERT on the audit table");
    }

    @Test
    void keycloakServesTheRealmTheIntegrationTestImportsAndThePortalSignsInThroughIt() throws IOException {
        JsonNode keycloak = compose.at("/services/keycloak");
        assertTrue(keycloak.at("/image").asText().startsWith("quay.io/keycloak/keycloak:26."), keycloak.toString());
        List<String> command = new ArrayList<>();
        keycloak.at("/command").forEach(c -> command.add(c.asText()));
        assertTrue(command.contains("start-dev") && command.contains("--import-realm"), command.toString());
        List<String> mounts = new ArrayList<>();
        keycloak.at("/volumes").forEach(v -> mounts.add(v.asText()));
        assertTrue(mounts.contains("./src/main/docker/keycloak/progate-realm.json:/opt/keycloak/data/import/progate-realm.json:ro"),
                mounts.toString());
        JsonNode realm = new ObjectMapper().readTree(Path.of("src/main/docker/keycloak/progate-realm.json").toFile());
        JsonNode env = compose.at("/services/progate/environment");
        assertTrue(env.at("/PROGATE_OIDC_ISSUER").asText().endsWith("/realms/" + realm.at("/realm").asText()));
        assertEquals(realm.at("/clients/0/clientId").asText(), env.at("/PROGATE_OIDC_CLIENT_ID").asText());
        assertTrue(env.at("/PROGATE_OIDC_CLIENT_SECRET").asText().contains(realm.at("/clients/0/secret").asText()));
        assertTrue(realm.toString().contains("pro-demo-approvers"), "the realm has the demo approvers' group");
    }

    private boolean readByApplication(String name) {
        if (QUARKUS_SETTINGS.contains(name) || MAPPED_WITHOUT_DEFAULT.contains(name)) {
            return true;
        }
        // referenced as ${NAME} or ${NAME:default} in application.properties
        if (Pattern.compile("\\$\\{" + Pattern.quote(name) + "[:}]").matcher(properties).find()) {
            return true;
        }
        // or the environment form of a key in application.properties (SmallRye's rule: non-alphanumerics to '_')
        return properties.lines()
                .map(String::trim)
                .filter(line -> !line.startsWith("#") && line.contains("="))
                .map(line -> line.substring(0, line.indexOf('=')).replaceFirst("^%[\\w-]+\\.", ""))
                .anyMatch(key -> key.toUpperCase().replaceAll("[^A-Z0-9]", "_").equals(name));
    }
}

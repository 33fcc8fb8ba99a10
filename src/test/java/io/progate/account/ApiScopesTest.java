package io.progate.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The token scope table covers every unsafe API call, so none falls to the refuse-all default unnoticed. */
class ApiScopesTest {

    @Test
    void everyUnsafeApiCallIsInTheScopeTable() throws Exception {
        List<String> unlisted = new ArrayList<>();
        int seen = 0;
        for (Class<?> type : apiResources()) {
            String root = type.getAnnotation(Path.class).value();
            for (Method method : type.getDeclaredMethods()) {
                String verb = verb(method);
                if (verb == null) {
                    continue;
                }
                Path sub = method.getAnnotation(Path.class);
                String path = (root + (sub == null ? "" : "/" + sub.value())).replaceAll("//+", "/")
                        .replaceAll("\\{[^}]+}", "x1");
                seen++;
                if (!ApiScopes.listed(verb, path)) {
                    unlisted.add(verb + " " + path + " (" + type.getSimpleName() + "." + method.getName() + ")");
                }
            }
        }
        assertTrue(seen > 15, "found the API's unsafe calls: " + seen);
        assertEquals(List.of(), unlisted, "unsafe API calls without a token scope (tokens are refused there)");
    }

    @Test
    void scopesOfTypicalCalls() {
        assertEquals(TokenScope.READ, ApiScopes.need("GET", "/api/v1/teams").scope());
        assertEquals(TokenScope.SUBMIT, ApiScopes.need("POST", "/api/v1/teams/acme/requests").scope());
        assertEquals(TokenScope.DECIDE, ApiScopes.need("POST", "/api/v1/requests/7/approve").scope());
        assertEquals(TokenScope.DECIDE, ApiScopes.need("PUT", "/api/v1/teams/acme/credentials/3/secret").scope());
        assertEquals(TokenScope.ADMIN, ApiScopes.need("POST", "/api/v1/users").scope());
        assertEquals(TokenScope.ADMIN, ApiScopes.need("POST", "/api/v1/admin/credentials/rewrap").scope());
        assertTrue(ApiScopes.need("POST", "/api/v1/me/tokens").refused());
        assertTrue(ApiScopes.need("POST", "/api/v1/something/new").refused());
        assertTrue(ApiScopes.need("POST", "/teams/acme/requests/publish").refused(), "pages take no token");
        assertTrue(ApiScopes.refusal("POST", "/api/v1/requests/7/approve", Set.of(TokenScope.READ)).isPresent());
        assertTrue(ApiScopes.refusal("POST", "/api/v1/requests/7/approve", Set.of(TokenScope.DECIDE)).isEmpty());
    }

    private static String verb(Method method) {
        if (method.isAnnotationPresent(POST.class)) {
            return "POST";
        }
        if (method.isAnnotationPresent(PUT.class)) {
            return "PUT";
        }
        if (method.isAnnotationPresent(PATCH.class)) {
            return "PATCH";
        }
        if (method.isAnnotationPresent(DELETE.class)) {
            return "DELETE";
        }
        return null;
    }

    /** Classes under io.progate whose @Path starts with /api. */
    private static List<Class<?>> apiResources() throws IOException, URISyntaxException, ClassNotFoundException {
        java.nio.file.Path classes = Paths.get(ApiScopes.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> found = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.walk(classes.resolve("io/progate"))) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, ApiScopesTest.class.getClassLoader());
                Path path = type.getAnnotation(Path.class);
                if (path != null && path.value().startsWith("/api")) {
                    found.add(type);
                }
            }
        }
        return found;
    }
}

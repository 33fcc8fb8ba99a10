package io.progate.sso;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.jwt.build.Jwt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An OpenID Connect provider in the test JVM, on a free port of ProGate's SSO test range: discovery,
 * keys, an authorization endpoint that signs in {@link #next} at once (no login page), a token endpoint
 * and an end-session endpoint. Tokens are RS256-signed by smallrye-jwt with a key made per run.
 */
public class MockIssuer implements QuarkusTestResourceLifecycleManager {

    static final String CLIENT_ID = "progate";
    static final String CLIENT_SECRET = "mock-issuer-client-secret";
    private static final KeyPair KEYS = keys();
    private static final String KID = "mock-1";

    /** Who the next authorization signs in. */
    static volatile Person next = new Person("sub-0", "nobody", "Nobody", "nobody@example.com", List.of());

    private static final Map<String, Person> CODES = new ConcurrentHashMap<>();
    private static HttpServer server;
    static volatile String issuer;

    /** A person at the provider. */
    record Person(String subject, String username, String name, String email, List<String> groups) {
    }

    @Override
    public Map<String, String> start() {
        int port = JavaHomes.freePortIn(18660, 18699);
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        issuer = "http://127.0.0.1:" + port + "/realms/mock";
        server.createContext("/realms/mock/.well-known/openid-configuration", ex -> json(ex, "{\"issuer\":\"" + issuer
                + "\",\"authorization_endpoint\":\"" + issuer + "/auth\",\"token_endpoint\":\"" + issuer + "/token\","
                + "\"jwks_uri\":\"" + issuer + "/certs\",\"end_session_endpoint\":\"" + issuer + "/logout\","
                + "\"userinfo_endpoint\":\"" + issuer + "/userinfo\",\"id_token_signing_alg_values_supported\":[\"RS256\"],"
                + "\"response_types_supported\":[\"code\"],\"subject_types_supported\":[\"public\"]}"));
        server.createContext("/realms/mock/certs", ex -> json(ex, jwks()));
        server.createContext("/realms/mock/auth", MockIssuer::authorize);
        server.createContext("/realms/mock/token", MockIssuer::token);
        server.createContext("/realms/mock/logout", ex -> {
            String target = query(ex.getRequestURI().getRawQuery()).get("post_logout_redirect_uri");
            ex.getResponseHeaders().add("Location", target == null ? "/" : target);
            ex.sendResponseHeaders(302, -1);
            ex.close();
        });
        server.start();
        Map<String, String> config = new HashMap<>();
        config.put("progate.oidc.issuer", issuer);
        config.put("quarkus.oidc.tenant-enabled", "true");
        config.put("quarkus.oidc.auth-server-url", issuer);
        config.put("quarkus.oidc.client-id", CLIENT_ID);
        config.put("quarkus.oidc.credentials.secret", CLIENT_SECRET);
        config.put("progate.local-login", "admin-only");
        return config;
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** An access token for {@code person}, as the provider would issue it for the API. */
    static String accessToken(Person person) {
        return claims(person, CLIENT_ID).claim("typ", "Bearer").jws().keyId(KID).sign(KEYS.getPrivate());
    }

    /** A token of the right shape signed by a key the provider never published. */
    static String forgedToken(Person person) {
        return Jwt.issuer(issuer).subject(person.subject()).audience(CLIENT_ID).expiresIn(300).jws().keyId(KID)
                .sign(keys().getPrivate());
    }

    private static String idToken(Person person) {
        return claims(person, CLIENT_ID).jws().keyId(KID).sign(KEYS.getPrivate());
    }

    private static io.smallrye.jwt.build.JwtClaimsBuilder claims(Person person, String audience) {
        io.smallrye.jwt.build.JwtClaimsBuilder claims = Jwt.issuer(issuer).subject(person.subject()).audience(audience)
                .expiresIn(300).claim("preferred_username", person.username()).claim("name", person.name())
                .claim("email", person.email());
        // like real providers, no groups claim for someone in no group
        return person.groups().isEmpty() ? claims : claims.groups(new java.util.HashSet<>(person.groups()));
    }

    private static void authorize(HttpExchange ex) throws IOException {
        Map<String, String> q = query(ex.getRequestURI().getRawQuery());
        String code = UUID.randomUUID().toString();
        CODES.put(code, next);
        String location = q.get("redirect_uri") + (q.get("redirect_uri").contains("?") ? "&" : "?") + "code=" + code
                + "&state=" + URLEncoder.encode(q.get("state"), StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Location", location);
        ex.sendResponseHeaders(302, -1);
        ex.close();
    }

    private static void token(HttpExchange ex) throws IOException {
        Map<String, String> form = query(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        Person person = CODES.remove(form.getOrDefault("code", ""));
        if (person == null) {
            ex.sendResponseHeaders(400, -1);
            ex.close();
            return;
        }
        String id = idToken(person);
        json(ex, "{\"access_token\":\"" + accessToken(person) + "\",\"id_token\":\"" + id
                + "\",\"token_type\":\"Bearer\",\"expires_in\":300}");
    }

    private static void json(HttpExchange ex, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.getResponseHeaders().add("Connection", "close");
        ex.sendResponseHeaders(200, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    private static String jwks() {
        RSAPublicKey key = (RSAPublicKey) KEYS.getPublic();
        return "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + KID + "\",\"n\":\""
                + b64(key.getModulus()) + "\",\"e\":\"" + b64(key.getPublicExponent()) + "\"}]}";
    }

    private static String b64(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static KeyPair keys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

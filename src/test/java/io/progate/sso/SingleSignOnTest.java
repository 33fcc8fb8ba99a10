package io.progate.sso;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.progate.account.User;
import io.progate.fixtures.Fixtures;
import io.progate.team.Membership;
import io.progate.team.Team;
import io.progate.team.TeamRole;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Single sign-on against an OIDC provider in the test JVM ({@link MockIssuer}): the authorization-code
 * flow through {@code /sso} makes or refreshes the account and starts ProGate's own session; groups
 * map to admin and team roles, marked "from SSO"; a local account is never taken over; the provider's
 * access tokens work on the API; passwords are for admins only (PROGATE_LOCAL_LOGIN=admin-only).
 */
@QuarkusTest
@QuarkusTestResource(value = MockIssuer.class, restrictToAnnotatedClass = true)
class SingleSignOnTest {

    @Inject
    Fixtures fixtures;

    /** Runs the code flow for {@code person} as a browser would; answers the ProGate session cookie. */
    static String signIn(MockIssuer.Person person) {
        return browserSignIn(person).get("progate-session");
    }

    /** Runs the code flow for {@code person}; answers every cookie the browser then holds. */
    static Map<String, String> browserSignIn(MockIssuer.Person person) {
        MockIssuer.next = person;
        Map<String, String> cookies = new HashMap<>();
        String url = "/sso";
        for (int hop = 0; hop < 10; hop++) {
            Response r = given().urlEncodingEnabled(false).redirects().follow(false).cookies(cookies).when().get(url);
            r.getCookies().forEach((name, value) -> {
                if (value.isEmpty()) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            });
            if (cookies.containsKey("progate-session")) {
                assertEquals(303, r.statusCode());
                assertTrue(r.header("Location").endsWith("/"), r.header("Location"));
                return cookies;
            }
            assertTrue(r.statusCode() == 302 || r.statusCode() == 303, url + " answered " + r.statusCode() + ": "
                    + r.asString());
            String location = r.header("Location");
            url = location;
            if (location.startsWith(MockIssuer.issuer)) {
                // the provider: it signs the person in at once and sends the browser back
                Response provider = given().urlEncodingEnabled(false).redirects().follow(false).when().get(location);
                url = provider.header("Location");
            }
        }
        throw new AssertionError("the code flow did not end in a ProGate session");
    }

    private static Response passwordSignIn(String username, String password) {
        return given().redirects().follow(false).formParam("username", username).formParam("password", password)
                .when().post("/login");
    }

    private static MockIssuer.Person person(String name, String... groups) {
        return new MockIssuer.Person("sub-" + Fixtures.unique(name), Fixtures.unique(name), "SSO " + name,
                name + "@example.com", List.of(groups));
    }

    private static Optional<User> bySubject(String subject) {
        return QuarkusTransaction.requiringNew().call(() -> User.bySsoSubject(subject));
    }

    private static Optional<Membership> membership(Team team, String subject) {
        return QuarkusTransaction.requiringNew().call(() -> Membership.<Membership>find("team.id = ?1 and user.ssoSubject = ?2",
                team.id, subject).firstResultOptional());
    }

    @Test
    void theCodeFlowMakesTheAccountMapsGroupsAndStartsProGatesOwnSession() {
        Team team = fixtures.team("sso");
        MockIssuer.Person dana = person("dana", "pro-" + team.slug + "-approvers", "unrelated-group");
        String session = signIn(dana);

        given().cookie("progate-session", session).get("/api/v1/me").then().statusCode(200)
                .body("username", org.hamcrest.Matchers.equalTo(dana.username()))
                .body("admin", org.hamcrest.Matchers.equalTo(false));
        User user = bySubject(dana.subject()).orElseThrow();
        assertEquals("SSO dana", user.displayName);
        Membership m = membership(team, dana.subject()).orElseThrow();
        assertEquals(TeamRole.APPROVER, m.role);
        assertTrue(m.isFromSso());
        String page = given().cookie("progate-session", session).get("/teams/" + team.slug).then().statusCode(200)
                .extract().asString();
        assertTrue(page.contains("from SSO"), "the team page marks the membership");
    }

    @Test
    void eachSignInRefreshesRolesFromGroupsAndKeepsMembershipsAPersonSet() {
        Team viaGroups = fixtures.team("ssoa");
        Team manual = fixtures.team("ssob");
        MockIssuer.Person kim = person("kim", "pro-" + viaGroups.slug + "-approvers", "progate-admins");
        signIn(kim);
        assertTrue(bySubject(kim.subject()).orElseThrow().admin, "progate-admins makes an admin");
        fixtures.member(manual, bySubject(kim.subject()).orElseThrow(), TeamRole.MEMBER);

        signIn(new MockIssuer.Person(kim.subject(), kim.username(), kim.name(), kim.email(),
                List.of("pro-" + viaGroups.slug + "-members")));
        assertEquals(TeamRole.MEMBER, membership(viaGroups, kim.subject()).orElseThrow().role);
        assertFalse(bySubject(kim.subject()).orElseThrow().admin, "out of the admin group, no longer admin");

        signIn(new MockIssuer.Person(kim.subject(), kim.username(), kim.name(), kim.email(), List.of()));
        assertTrue(membership(viaGroups, kim.subject()).isEmpty(), "the provider's membership is gone with its group");
        assertTrue(membership(manual, kim.subject()).isPresent(), "the membership a person set stays");
        assertFalse(membership(manual, kim.subject()).orElseThrow().isFromSso());
    }

    @Test
    void aLocalAccountWithTheSameNameIsNeverTakenOver() {
        User local = fixtures.user("local");
        String hashBefore = local.passwordHash;
        MockIssuer.Person same = new MockIssuer.Person("sub-" + Fixtures.unique("x"), local.username, "Someone Else",
                "else@example.com", List.of());
        String session = signIn(same);
        User sso = bySubject(same.subject()).orElseThrow();
        assertEquals(local.username + "-sso", sso.username, "a name of its own");
        User after = QuarkusTransaction.requiringNew().call(() -> User.<User>findById(local.id));
        assertEquals(hashBefore, after.passwordHash);
        assertEquals(local.email, after.email);
        given().cookie("progate-session", session).get("/api/v1/me").then().statusCode(200)
                .body("username", org.hamcrest.Matchers.equalTo(sso.username));
    }

    @Test
    void theProvidersAccessTokensWorkOnTheApiForKnownAccountsOnly() {
        MockIssuer.Person lee = person("lee");
        signIn(lee);
        given().auth().oauth2(MockIssuer.accessToken(lee)).get("/api/v1/me").then().statusCode(200)
                .body("username", org.hamcrest.Matchers.equalTo(lee.username()));
        given().auth().oauth2(MockIssuer.forgedToken(lee)).get("/api/v1/me").then().statusCode(401);
        given().auth().oauth2(MockIssuer.accessToken(person("stranger"))).get("/api/v1/me").then().statusCode(401);
        given().auth().oauth2("not-a-token").get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void signOutEndsProGatesSessionAndThenTheProvidersSession() {
        Map<String, String> cookies = browserSignIn(person("sam"));
        String me = given().cookies(cookies).get("/me").then().statusCode(200).extract().asString();
        java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"progate-csrf\" value=\"([^\"]+)\"").matcher(me);
        assertTrue(csrf.find());
        Response out = given().redirects().follow(false).cookies(cookies).formParam("progate-csrf", csrf.group(1))
                .post("/logout");
        out.then().statusCode(303).header("Location", endsWith("/signed-out/provider"));
        assertEquals("", out.getCookie("progate-session"), "ProGate's session cookie is cleared");
        given().cookie("progate-session", cookies.get("progate-session")).get("/api/v1/me").then().statusCode(401);
        String onward = given().get("/signed-out/provider").then().statusCode(200).extract().asString();
        assertTrue(onward.contains("url=/sso/logout"), onward);
        Map<String, String> provider = new HashMap<>(cookies);
        provider.remove("progate-session");
        Response logout = given().redirects().follow(false).cookies(provider).get("/sso/logout");
        assertEquals(302, logout.statusCode(), logout.asString());
        assertTrue(logout.header("Location").startsWith(MockIssuer.issuer + "/logout"), logout.header("Location"));
        assertTrue(logout.header("Location").contains("post_logout_redirect_uri="), logout.header("Location"));
    }

    @Test
    void passwordsAreForAdminsOnlyWhenLocalLoginIsAdminOnly() {
        User member = fixtures.user("pw");
        User admin = fixtures.admin("glass");
        passwordSignIn(member.username, Fixtures.PASSWORD).then().statusCode(303)
                .header("Location", endsWith("/login?error=true"));
        given().auth().preemptive().basic(member.username, Fixtures.PASSWORD).get("/api/v1/me").then().statusCode(401);
        Response ok = passwordSignIn(admin.username, Fixtures.PASSWORD);
        ok.then().statusCode(303).header("Location", endsWith("/"));
        assertNotNull(ok.getCookie("progate-session"), "the break-glass admin signs in");
        String login = given().get("/login").then().statusCode(200).extract().asString();
        assertTrue(login.contains("href=\"/sso\""), "the sign-in page offers single sign-on");
    }
}

package io.progate.account;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser-like session for page tests: the session cookie and the CSRF token of the last page. */
public final class Sessions {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"progate-csrf\" value=\"([^\"]+)\"");

    private Sessions() {
    }

    public static Session signIn(String username, String password) {
        Response response = LoginFormTest.signIn(username, password);
        String session = response.getCookie("progate-session");
        assertNotNull(session, "signed in as " + username);
        return new Session(session);
    }

    /** Cookies of one signed-in browser. */
    public static final class Session {
        private final Map<String, String> cookies = new HashMap<>();

        Session(String sessionCookie) {
            cookies.put("progate-session", sessionCookie);
        }

        /** The session cookie's current value. */
        public String cookie() {
            return cookies.get("progate-session");
        }

        public RequestSpecification request() {
            return given().redirects().follow(false).cookies(cookies);
        }

        public Response get(String path) {
            Response response = request().when().get(path);
            keepCookies(response);
            return response;
        }

        /** Loads a page to get a CSRF token, then posts the form with it. */
        public Response postForm(String path, Object... fields) {
            String token = csrfToken();
            RequestSpecification request = request().formParam("progate-csrf", token);
            for (int i = 0; i + 1 < fields.length; i += 2) {
                request.formParam(String.valueOf(fields[i]), fields[i + 1]);
            }
            Response response = request.when().post(path);
            keepCookies(response);
            return response;
        }

        public String csrfToken() {
            return csrfTokenFrom("/me");
        }

        /** The CSRF token in the forms of {@code page}. */
        public String csrfTokenFrom(String page) {
            Response answer = get(page);
            Matcher m = CSRF_FIELD.matcher(answer.asString());
            if (!m.find()) {
                throw new AssertionError("no CSRF field on " + page);
            }
            return m.group(1);
        }

        private void keepCookies(Response response) {
            response.getCookies().forEach((name, value) -> {
                if (value.isEmpty()) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            });
        }
    }
}

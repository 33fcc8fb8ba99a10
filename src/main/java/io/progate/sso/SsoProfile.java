package io.progate.sso;

import java.util.List;

/** What the identity provider says of a person at sign-in: subject, names, e-mail and groups. */
public record SsoProfile(String subject, String preferredUsername, String name, String email, List<String> groups) {
}

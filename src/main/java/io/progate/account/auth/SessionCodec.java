package io.progate.account.auth;

import io.progate.account.AccountConfig;
import io.progate.account.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The session cookie: user id, the user's session generation, sign-in time and a random session id,
 * encrypted and authenticated with AES-256-GCM under a key derived from {@code PROGATE_SESSION_KEY}.
 * The server keeps no session state; the generation on the user row is what ends sessions (sign-out,
 * password change, disable), and the sign-in time bounds the session's absolute lifetime. CSRF tokens
 * are an HMAC of the session id under a second derived key, so they are bound to one session.
 */
@ApplicationScoped
public class SessionCodec {

    public static final String COOKIE = "progate-session";
    private static final byte[] AAD = "progate/session/v1".getBytes(StandardCharsets.UTF_8);
    private static final int NONCE_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What a valid cookie says. */
    public record Session(long userId, long generation, Instant issuedAt, String id) {
    }

    private final SecretKey encryption;
    private final SecretKey csrf;

    @Inject
    public SessionCodec(AccountConfig config) {
        byte[] master = config.session().key().getBytes(StandardCharsets.UTF_8);
        encryption = new SecretKeySpec(derive(master, "progate-session-encryption"), "AES");
        csrf = new SecretKeySpec(derive(master, "progate-csrf-token"), "HmacSHA256");
    }

    /** A new session for the user at its current generation. */
    public Session start(User user, Instant now) {
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        return new Session(user.id, user.sessionGeneration, now, Base64.getUrlEncoder().withoutPadding().encodeToString(id));
    }

    public String encode(Session session) {
        String plain = "1|" + session.userId() + "|" + session.generation() + "|" + session.issuedAt().getEpochSecond()
                + "|" + session.id();
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryption, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(AAD);
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not usable in this JVM", e);
        }
    }

    /** The session in a cookie value; empty when it is malformed or was not made with this key. */
    public Optional<Session> decode(String value) {
        if (value == null || value.isEmpty() || value.length() > 512) {
            return Optional.empty();
        }
        try {
            byte[] raw = Base64.getUrlDecoder().decode(value);
            if (raw.length <= NONCE_BYTES + 16) {
                return Optional.empty();
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, encryption, new GCMParameterSpec(128, raw, 0, NONCE_BYTES));
            cipher.updateAAD(AAD);
            String plain = new String(cipher.doFinal(raw, NONCE_BYTES, raw.length - NONCE_BYTES), StandardCharsets.UTF_8);
            String[] parts = plain.split("\\|");
            if (parts.length != 5 || !"1".equals(parts[0])) {
                return Optional.empty();
            }
            return Optional.of(new Session(Long.parseLong(parts[1]), Long.parseLong(parts[2]),
                    Instant.ofEpochSecond(Long.parseLong(parts[3])), parts[4]));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The CSRF token of a session. */
    public String csrfToken(String sessionId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(csrf);
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(sessionId.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not usable in this JVM", e);
        }
    }

    /** Whether {@code presented} is the CSRF token of the session, compared in constant time. */
    public boolean csrfMatches(String sessionId, String presented) {
        if (sessionId == null || presented == null || presented.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(csrfToken(sessionId).getBytes(StandardCharsets.US_ASCII),
                presented.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] derive(byte[] master, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(master.length == 0 ? new byte[1] : master, "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not usable in this JVM", e);
        }
    }
}

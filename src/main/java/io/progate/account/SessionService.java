package io.progate.account;

import io.progate.account.auth.SessionCodec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.NewCookie;
import java.time.Instant;

/** Starts sessions (the cookie) and ends all of a user's sessions at once (the generation). */
@ApplicationScoped
public class SessionService {

    @Inject
    SessionCodec codec;

    @Inject
    AccountConfig config;

    @Inject
    EntityManager em;

    /** A session cookie for the user at their current session generation. */
    public NewCookie start(User user, boolean secure) {
        SessionCodec.Session session = codec.start(user, Instant.now());
        return cookie(codec.encode(session), (int) config.session().lifetime().toSeconds(), secure);
    }

    /** Deletes the session cookie in the browser. */
    public NewCookie cleared(boolean secure) {
        return cookie("", 0, secure);
    }

    /**
     * Ends every session of the user, everywhere: one update of the generation, outside the row's
     * version; the next request of any of those sessions is anonymous. Returns the new generation.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long endAll(long userId) {
        em.createNativeQuery("update app_user set session_generation = session_generation + 1 where id = ?1")
                .setParameter(1, userId).executeUpdate();
        return ((Number) em.createNativeQuery("select session_generation from app_user where id = ?1")
                .setParameter(1, userId).getSingleResult()).longValue();
    }

    private static NewCookie cookie(String value, int maxAge, boolean secure) {
        return new NewCookie.Builder(SessionCodec.COOKIE).value(value).path("/").maxAge(maxAge).httpOnly(true)
                .secure(secure).sameSite(NewCookie.SameSite.STRICT).build();
    }
}

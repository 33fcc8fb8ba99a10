package io.progate.account;

import io.quarkus.elytron.security.common.BcryptUtil;
import java.security.GeneralSecurityException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.wildfly.security.password.Password;
import org.wildfly.security.password.PasswordFactory;
import org.wildfly.security.password.WildFlyElytronPasswordProvider;
import org.wildfly.security.password.interfaces.BCryptPassword;
import org.wildfly.security.password.util.ModularCrypt;

/** bcrypt hashing and checking of passwords, through Elytron. Rules for new passwords: {@link PasswordPolicy}. */
public final class Passwords {

    private static final WildFlyElytronPasswordProvider PROVIDER = new WildFlyElytronPasswordProvider();
    /**
     * A valid hash of a random value at the same cost as real ones, checked against whenever there is no
     * real hash to check (unknown user), so that timing does not tell.
     */
    private static final String DECOY = BcryptUtil.bcryptHash(java.util.UUID.randomUUID().toString());
    private static final AtomicLong VERIFICATIONS = new AtomicLong();
    /**
     * bcrypt is pure CPU work: at most one hash or check per core runs at a time, so that a burst of
     * sign-ins (or Basic-auth calls) waits here instead of crowding out the I/O threads: health checks and
     * token calls keep answering during the burst. A waiting caller holds no database connection.
     */
    private static final Semaphore CORES = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()), true);
    private static final AtomicInteger RUNNING = new AtomicInteger();
    private static final AtomicInteger MOST_AT_ONCE = new AtomicInteger();

    private Passwords() {
    }

    public static String hash(String password) {
        CORES.acquireUninterruptibly();
        try {
            return BcryptUtil.bcryptHash(password);
        } finally {
            CORES.release();
        }
    }

    public static boolean matches(String password, String hash) {
        VERIFICATIONS.incrementAndGet();
        if (password == null || hash == null) {
            burnQuietly(password);
            return false;
        }
        try {
            return verify(password, hash);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** Spends the same time as a real check, for attempts that have no real hash to check. */
    public static void burn(String password) {
        matches(password == null ? "" : password, DECOY);
    }

    /** How many bcrypt checks this process has run (one per sign-in attempt that reached a check). */
    public static long verifications() {
        return VERIFICATIONS.get();
    }

    private static void burnQuietly(String password) {
        try {
            verify(password == null ? "" : password, DECOY);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // the decoy always decodes
        }
    }

    private static boolean verify(String password, String hash) throws GeneralSecurityException {
        Password stored = ModularCrypt.decode(hash);
        PasswordFactory factory = PasswordFactory.getInstance(BCryptPassword.ALGORITHM_BCRYPT, PROVIDER);
        CORES.acquireUninterruptibly();
        MOST_AT_ONCE.accumulateAndGet(RUNNING.incrementAndGet(), Math::max);
        try {
            return factory.verify(factory.translate(stored), password.toCharArray());
        } finally {
            RUNNING.decrementAndGet();
            CORES.release();
        }
    }

    /** The most checks that ran at the same time since the process started (at most one per core). */
    static int mostAtOnce() {
        return MOST_AT_ONCE.get();
    }
}

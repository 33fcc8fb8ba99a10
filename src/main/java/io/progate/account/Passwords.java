package io.progate.account;

import io.quarkus.elytron.security.common.BcryptUtil;
import java.security.GeneralSecurityException;
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

    private Passwords() {
    }

    public static String hash(String password) {
        return BcryptUtil.bcryptHash(password);
    }

    public static boolean matches(String password, String hash) {
        VERIFICATIONS.incrementAndGet();
        if (password == null || hash == null) {
            burnQuietly(password);
            return false;
        }
        try {
            Password stored = ModularCrypt.decode(hash);
            PasswordFactory factory = PasswordFactory.getInstance(BCryptPassword.ALGORITHM_BCRYPT, PROVIDER);
            return factory.verify(factory.translate(stored), password.toCharArray());
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
            Password stored = ModularCrypt.decode(DECOY);
            PasswordFactory factory = PasswordFactory.getInstance(BCryptPassword.ALGORITHM_BCRYPT, PROVIDER);
            factory.verify(factory.translate(stored), (password == null ? "" : password).toCharArray());
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // the decoy always decodes
        }
    }
}

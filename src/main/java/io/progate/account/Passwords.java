package io.progate.account;

import io.quarkus.elytron.security.common.BcryptUtil;
import java.security.GeneralSecurityException;
import org.wildfly.security.password.Password;
import org.wildfly.security.password.PasswordFactory;
import org.wildfly.security.password.WildFlyElytronPasswordProvider;
import org.wildfly.security.password.interfaces.BCryptPassword;
import org.wildfly.security.password.util.ModularCrypt;

/** bcrypt hashing and checking of passwords, through Elytron. */
public final class Passwords {

    /** Minimum length of a new password. */
    public static final int MIN_LENGTH = 8;

    private static final WildFlyElytronPasswordProvider PROVIDER = new WildFlyElytronPasswordProvider();
    /** A valid hash of a random value, checked against when a user does not exist, so timing does not tell. */
    private static final String DECOY = BcryptUtil.bcryptHash(java.util.UUID.randomUUID().toString());

    private Passwords() {
    }

    public static String hash(String password) {
        return BcryptUtil.bcryptHash(password);
    }

    public static boolean matches(String password, String hash) {
        if (password == null || hash == null) {
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

    /** Spends the same time as a real check, for unknown user names. */
    public static void burn(String password) {
        matches(password == null ? "" : password, DECOY);
    }
}

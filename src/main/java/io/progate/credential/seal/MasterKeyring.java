package io.progate.credential.seal;

import io.progate.credential.Credential;
import io.progate.credential.CredentialConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The master keys this process holds, from configuration only. Parsed at start-up so that a bad setting
 * stops the portal at once. In dev, when none is configured, a key is generated once into the
 * git-ignored {@code .progate-dev} folder and a warning says so.
 */
@Startup
@ApplicationScoped
public class MasterKeyring {

    public static final String DEV_KEY_ID = "dev";

    @Inject
    CredentialConfig config;

    private MasterKeys keys;

    @PostConstruct
    void load() {
        if (config.masterKeys().isEmpty() && LaunchMode.current() == LaunchMode.DEVELOPMENT) {
            keys = MasterKeys.parse(devKeyEntry(Path.of(config.devKeyFile())), DEV_KEY_ID);
            Log.warnf("Using the generated dev master key in %s; set PROGATE_MASTER_KEYS and "
                    + "PROGATE_ACTIVE_MASTER_KEY outside dev", config.devKeyFile());
        } else {
            keys = MasterKeys.parse(config.masterKeys().orElse(null), config.activeMasterKey().orElse(null));
        }
        Log.infof("Credential vault: master keys %s, active '%s'", keys.ids(), keys.activeId());
    }

    public MasterKeys keys() {
        return keys;
    }

    public static String devKeyEntry(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                byte[] key = new byte[MasterKeys.KEY_BYTES];
                new SecureRandom().nextBytes(key);
                Files.writeString(file, DEV_KEY_ID + "=" + Base64.getEncoder().encodeToString(key) + "\n",
                        StandardCharsets.US_ASCII);
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: the folder is still git-ignored and dev only
                }
            }
            return Files.readString(file, StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the dev master key file " + file, e);
        }
    }
}

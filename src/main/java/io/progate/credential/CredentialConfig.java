package io.progate.credential;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/** The credential vault. */
@ConfigMapping(prefix = "progate.credentials")
public interface CredentialConfig {

    /** Master keys, {@code id=base64 of 32 bytes}, comma-separated (PROGATE_MASTER_KEYS). No default: a secret. */
    Optional<String> masterKeys();

    /** Id of the master key that wraps new data keys (PROGATE_ACTIVE_MASTER_KEY). */
    Optional<String> activeMasterKey();

    /** Where the dev profile keeps the master key it generates when none is configured. */
    @WithDefault(".progate-dev/master-key")
    String devKeyFile();

    /** Rows re-wrapped per transaction during a master-key rotation. */
    @WithDefault("100")
    int rewrapBatchSize();

    /** When the daily expiry check runs (Quarkus cron; {@code off} disables it). */
    @WithDefault("0 15 6 * * ?")
    String expiryCheckCron();

    /** Days before expiry at which a warning event is recorded, once per key and threshold. */
    @WithDefault("30,7,1")
    List<Integer> warningDays();

    /** When due keys with the APIKey scope rotate themselves through PRO (a Quarkus cron; {@code off} disables). */
    @WithDefault("0 5 * * * ?")
    String rotationCron();
}

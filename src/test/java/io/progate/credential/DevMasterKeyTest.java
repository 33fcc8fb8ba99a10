package io.progate.credential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.progate.credential.seal.MasterKeyring;
import io.progate.credential.seal.MasterKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevMasterKeyTest {

    @TempDir
    Path dir;

    @Test
    void devKeyIsGeneratedOnceOwnerReadableAndReused() throws Exception {
        Path file = dir.resolve(".progate-dev/master-key");
        String first = MasterKeyring.devKeyEntry(file);
        assertTrue(Files.exists(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        MasterKeys keys = MasterKeys.parse(first, MasterKeyring.DEV_KEY_ID);
        assertEquals("dev", keys.activeId());
        assertEquals(first, MasterKeyring.devKeyEntry(file), "a restart keeps the same key, so dev rows still open");
    }
}

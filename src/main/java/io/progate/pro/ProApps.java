package io.progate.pro;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.progate.pro.model.AppUpdate;
import io.progate.pro.model.ProApp;
import io.progate.pro.model.PublishMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jboss.resteasy.reactive.client.api.ClientMultipartForm;

/**
 * Apps on a PRO account: publish (the package streamed from its source, never held in memory),
 * list, versions of one app, get, update, delete. Reads are retried after transient failures;
 * publish, update and delete never are. The update may answer with the app or with nothing.
 */
@ApplicationScoped
public class ProApps {

    private static final TypeReference<List<ProApp>> APP_LIST = new TypeReference<>() { };

    @Inject
    ProCalls calls;

    @Inject
    ProConfig config;

    @Inject
    ObjectMapper json;

    public ProApp publish(ProAccount account, PublishMetadata metadata, PackageSource file) {
        return publish(account, metadata, file, null);
    }

    /** Publishes a package with parts {@code metadata}, {@code file} and, when given, {@code icon}. */
    public ProApp publish(ProAccount account, PublishMetadata metadata, PackageSource file, PackageSource icon) {
        String metadataJson = toJson(metadata);
        try (LocalFile pack = LocalFile.of(file); LocalFile image = icon == null ? null : LocalFile.of(icon)) {
            ClientMultipartForm form = ClientMultipartForm.create()
                    .attribute("metadata", metadataJson, null)
                    .binaryFileUpload("file", file.fileName(), pack.path.toString(), MediaType.APPLICATION_OCTET_STREAM);
            if (image != null) {
                form.binaryFileUpload("icon", icon.fileName(), image.path.toString(), imageType(icon.fileName()));
            }
            String what = "publish of " + metadata.name() + " " + metadata.projectVersion();
            return calls.write(account, AppsApi.class, config.publishTimeout(), what,
                    api -> api.publish(account.apiKey(), form), ProAnswer.json(ProApp.class));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the package to publish", e);
        }
    }

    /** Every app version on the account (documented; an empty answer is an empty list). */
    public List<ProApp> list(ProAccount account) {
        List<ProApp> all = calls.read(account, AppsApi.class, "list of apps", api -> api.list(account.apiKey()),
                ProAnswer.json(APP_LIST));
        return all == null ? List.of() : all.stream().filter(a -> a != null && a.name() != null).toList();
    }

    /** The versions of one app, picked from the documented list of all apps (names compared exactly). */
    public List<ProApp> versionsFromList(ProAccount account, String name) {
        return list(account).stream().filter(a -> a.name().equals(name)).toList();
    }

    /**
     * The versions of one app through {@code GET /applications/{projectName}}, a path AIMMS does not
     * document (decided): for views only, never on the way to a change.
     */
    public List<ProApp> versions(ProAccount account, String name) {
        List<ProApp> versions = calls.read(account, AppsApi.class, "versions of " + name,
                api -> api.versions(account.apiKey(), name), ProAnswer.json(APP_LIST));
        return versions == null ? List.of() : versions;
    }

    public ProApp get(ProAccount account, String name, String version) {
        return calls.read(account, AppsApi.class, "read of " + name + " " + version,
                api -> api.get(account.apiKey(), name, version), ProAnswer.json(ProApp.class));
    }

    /** The version, or empty when PRO answers 404. */
    public Optional<ProApp> find(ProAccount account, String name, String version) {
        try {
            return Optional.of(get(account, name, version));
        } catch (ProException e) {
            if (e.isNotFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    public ProApp update(ProAccount account, String name, String version, AppUpdate update) {
        return calls.write(account, AppsApi.class, "update of " + name + " " + version,
                api -> api.update(account.apiKey(), name, version, update), ProAnswer.json(ProApp.class));
    }

    public void delete(ProAccount account, String name, String version) {
        calls.write(account, AppsApi.class, "delete of " + name + " " + version,
                api -> api.delete(account.apiKey(), name, version), ProAnswer.none());
    }

    private String toJson(PublishMetadata metadata) {
        try {
            return json.writeValueAsString(metadata);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("publish metadata cannot be written as JSON", e);
        }
    }

    private static String imageType(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".svg")) {
            return "image/svg+xml";
        }
        if (lower.endsWith(".jpg") || lower.endsWith(".jpeg")) {
            return "image/jpeg";
        }
        return lower.endsWith(".gif") ? "image/gif" : "image/png";
    }

    /**
     * A file the HTTP client can stream from: the source's own file, or a temporary copy of its
     * stream (copied in small chunks, deleted afterwards), since the client streams parts from disk.
     */
    private static final class LocalFile implements AutoCloseable {
        final Path path;
        final boolean temporary;

        private LocalFile(Path path, boolean temporary) {
            this.path = path;
            this.temporary = temporary;
        }

        static LocalFile of(PackageSource source) throws IOException {
            Optional<Path> own = source.path();
            if (own.isPresent()) {
                return new LocalFile(own.get(), false);
            }
            Path copy = Files.createTempFile("progate-publish-", ".part");
            try (InputStream in = source.open()) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(copy);
                throw e;
            }
            return new LocalFile(copy, true);
        }

        @Override
        public void close() throws IOException {
            if (temporary) {
                Files.deleteIfExists(path);
            }
        }
    }
}

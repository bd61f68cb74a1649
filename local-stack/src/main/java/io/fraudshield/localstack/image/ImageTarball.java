package io.fraudshield.localstack.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * A container image as a {@code docker save} tarball (what Jib hands to {@code docker load}): its manifest, its
 * config (user, entrypoint, ports, environment) and the files of its layers, read without a container engine.
 */
public final class ImageTarball {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path tarball;
    private final JsonNode manifest;
    private final JsonNode config;

    private ImageTarball(Path tarball, JsonNode manifest, JsonNode config) {
        this.tarball = tarball;
        this.manifest = manifest;
        this.config = config;
    }

    public static ImageTarball read(Path tarball) throws IOException {
        Map<String, byte[]> small = new HashMap<>();
        forEachEntry(tarball, (entry, in) -> {
            if (entry.getName().endsWith(".json")) {
                small.put(entry.getName(), in.readAllBytes());
            }
        });
        JsonNode manifest = JSON.readTree(required(small, "manifest.json")).get(0);
        JsonNode config = JSON.readTree(required(small, manifest.get("Config").asText()));
        return new ImageTarball(tarball, manifest, config);
    }

    /** The image config's {@code config} object: User, Entrypoint, Cmd, Env, ExposedPorts, WorkingDir, Labels. */
    public JsonNode runConfig() {
        return config.get("config");
    }

    public List<String> repoTags() {
        List<String> tags = new ArrayList<>();
        manifest.get("RepoTags").forEach(tag -> tags.add(tag.asText()));
        return tags;
    }

    /** The layer blobs' names in order, base first (the file names are the compressed blobs' digests). */
    public List<String> layers() {
        List<String> layers = new ArrayList<>();
        manifest.get("Layers").forEach(layer -> layers.add(layer.asText()));
        return layers;
    }

    /** Every file, directory and link of every layer, in layer order, with the bytes of regular files. */
    public void forEachLayerFile(LayerFileVisitor visitor) throws IOException {
        List<String> layers = layers();
        for (String layer : layers) {
            forEachEntry(tarball, (entry, in) -> {
                if (entry.getName().equals(layer)) {
                    readLayer(layer, in, visitor);
                }
            });
        }
    }

    private static void readLayer(String layer, InputStream blob, LayerFileVisitor visitor) throws IOException {
        // the blob is an entry of the outer tarball: reading this layer must not close that
        InputStream unclosable = new java.io.FilterInputStream(blob) {
            @Override
            public void close() {
            }
        };
        try (TarArchiveInputStream files = new TarArchiveInputStream(new GZIPInputStream(unclosable))) {
            TarArchiveEntry file;
            while ((file = files.getNextEntry()) != null) {
                String path = "/" + file.getName().replaceFirst("^\\./", "").replaceFirst("^/", "");
                visitor.visit(new LayerFile(layer, path, file.getMode(), file.getLongUserId(), file.isFile(),
                        file.isDirectory(), file.isSymbolicLink() ? file.getLinkName() : null), file.isFile() ? files : InputStream.nullInputStream());
            }
        }
    }

    private static void forEachEntry(Path tarball, EntryVisitor visitor) throws IOException {
        try (TarArchiveInputStream in = new TarArchiveInputStream(Files.newInputStream(tarball))) {
            TarArchiveEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                visitor.visit(entry, in);
            }
        }
    }

    private static byte[] required(Map<String, byte[]> entries, String name) {
        byte[] bytes = entries.get(name);
        if (bytes == null) {
            throw new UncheckedIOException(new IOException("no " + name + " in the image tarball"));
        }
        return bytes;
    }

    public record LayerFile(String layer, String path, int mode, long uid, boolean regular, boolean directory,
                            String linkTarget) {

        public boolean executable() {
            return (mode & 0111) != 0;
        }

        /** Readable by a user who neither owns the file nor is in its group: the image's uid 185. */
        public boolean worldReadable() {
            return (mode & 04) != 0;
        }
    }

    @FunctionalInterface
    public interface LayerFileVisitor {
        void visit(LayerFile file, InputStream content) throws IOException;
    }

    @FunctionalInterface
    private interface EntryVisitor {
        void visit(TarArchiveEntry entry, InputStream content) throws IOException;
    }
}

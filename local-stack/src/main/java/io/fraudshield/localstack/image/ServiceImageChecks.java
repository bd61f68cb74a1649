package io.fraudshield.localstack.image;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What every service image must be, read from the {@code docker save} tarball the build produced
 * ({@code target/jib-image.tar}, docs/images.md): a non-root user, an entrypoint that starts the packaged app with
 * a {@code java} the image holds, the API and management ports, no secret in the environment or in any layer,
 * built on the base image the build made. A service's {@code ImageIT} extends this.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ServiceImageChecks {

    /** Set by the build's "image" profile; absent with -Dimage.skip, when no image is built. */
    public static final String IMAGE_PROPERTY = "image.tar";
    public static final String BASE_IMAGE_PROPERTY = "base-image.tar";
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(password|secret|token|credential|private|_key)$");

    private ImageTarball image;
    private ImageRootFilesystem rootFilesystem;
    private final Map<String, ImageTarball.LayerFile> files = new HashMap<>();
    private final List<String> secretFindings = new ArrayList<>();

    protected abstract String serviceName();

    @BeforeAll
    void readImage() throws IOException {
        String tarball = System.getProperty(IMAGE_PROPERTY);
        assumeTrue(tarball != null, "built with -Dimage.skip: no image to inspect");
        assertTrue(Files.isRegularFile(Path.of(tarball)), "the build made no image at " + tarball);
        image = ImageTarball.read(Path.of(tarball));
        SecretScan scan = new SecretScan();
        if (ImageRootFilesystem.canRun()) {
            rootFilesystem = new ImageRootFilesystem(Path.of(tarball).resolveSibling("image-rootfs"));
        }
        image.forEachLayerFile((file, content) -> {
            files.put(file.path().replaceFirst("/$", ""), file);
            if (file.regular()) {
                byte[] bytes = content.readAllBytes();
                scan.file(file.path(), new java.io.ByteArrayInputStream(bytes));
                if (rootFilesystem != null) {
                    rootFilesystem.add(file, new java.io.ByteArrayInputStream(bytes));
                }
            } else if (rootFilesystem != null) {
                rootFilesystem.add(file, content);
            }
        });
        secretFindings.addAll(scan.findings());
    }

    @Test
    void isNamedAfterTheServiceAndTheReleaseVersion() {
        assertEquals(List.of("fraudshield/" + serviceName() + ":1.0.0"), image.repoTags());
    }

    @Test
    void runsAsANonRootUser() {
        String user = image.runConfig().path("User").asText();
        assertTrue(user.matches("[1-9][0-9]*(:[0-9]+)?"), "a numeric non-root uid (Kubernetes runAsNonRoot): " + user);
        assertEquals("185", user.split(":")[0]);
    }

    @Test
    void entrypointStartsThePackagedAppWithTheImagesJava() {
        JsonNode config = image.runConfig();
        List<String> entrypoint = strings(config.get("Entrypoint"));
        assertEquals(List.of("-jar", "quarkus-run.jar"), entrypoint.subList(entrypoint.size() - 2, entrypoint.size()));
        String java = entrypoint.get(0);
        assertTrue(onPath(java, environment().get("PATH")), java + " is not an executable on the image's PATH");
        String workingDir = config.path("WorkingDir").asText();
        assertTrue(files.containsKey(workingDir + "/quarkus-run.jar"), "no quarkus-run.jar in " + workingDir);
        assertTrue(files.containsKey(workingDir + "/app/" + serviceName() + "-1.0.0.jar"), "the service's own classes");
        assertTrue(files.containsKey("/etc/passwd") && files.containsKey("/tmp"), "a passwd for uid 185 and a /tmp");
    }

    @Test
    void everyFileIsReadableByTheImagesUser() {
        List<String> unreadable = files.values().stream()
                .filter(file -> file.regular() && !file.worldReadable() && file.uid() != 185)
                .map(ImageTarball.LayerFile::path).sorted().toList();
        assertEquals(List.of(), unreadable, "uid 185 owns none of them: others must be able to read them");
    }

    /**
     * The entrypoint, run in the image's own root filesystem with only the image's environment (as a container
     * runtime would; needs root for the isolation, skipped otherwise): the image's java starts Quarkus from the
     * working directory, which reads its production configuration and stops because the environment does not
     * give it the database and keys — the image carries none of them.
     */
    @Test
    void entrypointStartsTheAppInTheImagesOwnFilesystem() throws Exception {
        assumeTrue(rootFilesystem != null, "needs root and util-linux unshare to run the image without an engine");
        JsonNode config = image.runConfig();
        String output = rootFilesystem.run(strings(config.get("Entrypoint")), config.path("WorkingDir").asText(),
                environment(), Path.of(System.getProperty(IMAGE_PROPERTY)).resolveSibling("image-run.log"), 90);
        for (String broken : List.of("error while loading shared libraries", "UnsatisfiedLinkError", "ClassNotFoundException",
                "NoClassDefFoundError", "Unable to access jarfile", "failed to execute")) {
            assertTrue(!output.contains(broken), broken + " in the image's run: " + output);
        }
        assertTrue(output.contains("SRCFG00011: Could not expand value DB_USER"),
                "Quarkus started and asked the environment for its database user: " + output);
    }

    @Test
    void exposesTheApiAndTheManagementPorts() {
        Set<String> ports = new TreeSet<>();
        image.runConfig().path("ExposedPorts").fieldNames().forEachRemaining(ports::add);
        assertEquals(Set.of("8080/tcp", "9000/tcp"), ports);
    }

    @Test
    void environmentHoldsNoSecret() {
        Map<String, String> environment = environment();
        assertTrue(environment.containsKey("PATH"));
        environment.forEach((name, value) -> {
            assertTrue(!SECRET_NAME.matcher(name).matches(), "secret-like variable in the image: " + name);
            assertTrue(!value.contains("-----BEGIN"), "a PEM block in " + name);
        });
    }

    @Test
    void noLayerHoldsKeysPasswordsOrLocalFiles() {
        assertEquals(List.of(), secretFindings);
    }

    @Test
    void isBuiltOnTheBaseImageTheBuildMade() throws IOException {
        ImageTarball base = ImageTarball.read(Path.of(System.getProperty(BASE_IMAGE_PROPERTY)));
        assertEquals(base.layers(), image.layers().subList(0, base.layers().size()), "the base layers, unchanged");
        assertNotEquals(base.layers().size(), image.layers().size(), "the app in layers of its own");
    }

    private boolean onPath(String command, String path) {
        for (String directory : path.split(":")) {
            ImageTarball.LayerFile file = files.get(directory + "/" + command);
            if (file != null && file.regular() && file.executable()) {
                return true;
            }
        }
        return false;
    }

    private Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>();
        for (String variable : strings(image.runConfig().get("Env"))) {
            int equals = variable.indexOf('=');
            environment.put(variable.substring(0, equals), variable.substring(equals + 1));
        }
        return environment;
    }

    private static List<String> strings(JsonNode array) {
        List<String> strings = new ArrayList<>();
        if (array != null) {
            array.forEach(node -> strings.add(node.asText()));
        }
        return strings;
    }
}

package io.fraudshield.localstack.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * An image's layers unpacked into a folder, and its entrypoint run there the way a container runtime would: in
 * that folder as the root filesystem (its own {@code /proc}), from its working directory, with only the image's
 * environment — without a container engine, through util-linux {@code unshare}. Needs root on Linux.
 */
final class ImageRootFilesystem {

    private static final Path UNSHARE = Path.of("/usr/bin/unshare");

    private final Path root;

    ImageRootFilesystem(Path root) throws IOException {
        if (Files.exists(root)) {
            try (Stream<Path> old = Files.walk(root)) {
                for (Path path : old.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        Files.createDirectories(root.resolve("proc"));
        this.root = root;
    }

    static boolean canRun() {
        return "root".equals(System.getProperty("user.name")) && Files.isExecutable(UNSHARE)
                && System.getProperty("os.name").startsWith("Linux");
    }

    void add(ImageTarball.LayerFile file, InputStream content) throws IOException {
        Path target = root.resolve(file.path().substring(1));
        if (file.linkTarget() != null) {
            Files.createDirectories(target.getParent());
            Files.deleteIfExists(target);
            Files.createSymbolicLink(target, Path.of(file.linkTarget()));
        } else if (file.regular()) {
            Files.createDirectories(target.getParent());
            Files.copy(content, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(target, permissions(file.mode()));
        } else if (file.directory()) {
            Files.createDirectories(target);
        }
    }

    /** Runs the entrypoint for at most {@code seconds}; returns its output. */
    String run(List<String> entrypoint, String workingDir, Map<String, String> environment, Path log, int seconds)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(UNSHARE.toString(), "--mount", "--pid", "--fork",
                "--mount-proc=/proc", "--root=" + root, "--wd=" + workingDir));
        command.addAll(entrypoint);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().clear();
        // the entrypoint's first word is looked up on the image's PATH, as a runtime does
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        return Files.readString(log);
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = PosixFilePermission.values(); // OWNER_READ … OTHERS_EXECUTE, high bit first
        for (int i = 0; i < 9; i++) {
            if ((mode & (1 << (8 - i))) != 0) {
                permissions.add(bits[i]);
            }
        }
        return permissions;
    }
}

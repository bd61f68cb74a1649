package io.fraudshield.k8s;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Renders a kustomization with {@code kubectl kustomize}, the same command docs/deploy.md applies. kubectl is a build
 * requirement of this module (README): without it the tests fail with this message, they never pass silently.
 */
final class Kustomize {

    static final String KUBECTL_MISSING = "kubectl is not on the PATH: k8s-tests render k8s/overlays/* with "
            + "`kubectl kustomize` (README, Build); install kubectl >= 1.27 or skip the module with -pl '!k8s-tests'";

    private Kustomize() {
    }

    static String render(Path kustomization) {
        return render("kubectl", kustomization);
    }

    static String render(String kubectl, Path kustomization) {
        Process process;
        try {
            process = new ProcessBuilder(kubectl, "kustomize", kustomization.toString())
                    .redirectError(ProcessBuilder.Redirect.PIPE)
                    .start();
        } catch (IOException notFound) {
            throw new IllegalStateException(KUBECTL_MISSING, notFound);
        }
        try {
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("kubectl kustomize " + kustomization + " failed: " + err);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("kubectl kustomize " + kustomization + " could not be read", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The repository root: the first parent of the working directory that holds k8s/overlays. */
    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("k8s/overlays"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no k8s/overlays above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}

package io.fraudshield.k8s;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Every CloudNativePG Cluster names its PostgreSQL image with a minor-version tag (never a bare major such as ":17",
 * which moves); where the digest is required (production) also with {@code @sha256:<64 hex>}, so a re-pushed tag
 * cannot change what runs. The production overlay's digest is a placeholder the operator fills (docs/deploy.md).
 */
final class PostgresImagePinned implements Invariant {

    private static final Pattern TAGGED = Pattern.compile("[^@:]+(:[0-9]+)?/[^@]*:\\d+\\.\\d+[^@:]*(@sha256:[0-9a-f]{64})?");
    private static final Pattern DIGEST = Pattern.compile(".*@sha256:[0-9a-f]{64}");

    private final boolean digestRequired;

    PostgresImagePinned(boolean digestRequired) {
        this.digestRequired = digestRequired;
    }

    @Override
    public List<String> violations(Manifests manifests) {
        List<String> violations = new ArrayList<>();
        manifests.ofKind("Cluster").forEach(cluster -> {
            String image = cluster.path("spec").path("imageName").asText();
            if (!TAGGED.matcher(image).matches()) {
                violations.add(Manifests.idOf(cluster) + ": imageName '" + image + "' has no major.minor tag");
            }
            if (digestRequired && !DIGEST.matcher(image).matches()) {
                violations.add(Manifests.idOf(cluster) + ": imageName '" + image + "' has no @sha256 digest");
            }
        });
        return violations;
    }
}

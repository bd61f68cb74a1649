package io.fraudshield.k8s;

import java.util.List;

/** One rule every rendered overlay keeps; {@link #violations} names each document that breaks it. */
interface Invariant {

    List<String> violations(Manifests manifests);
}

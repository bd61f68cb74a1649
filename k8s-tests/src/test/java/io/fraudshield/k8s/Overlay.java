package io.fraudshield.k8s;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The overlays docs/deploy.md applies; each is rendered once per test run. */
enum Overlay {
    LOCAL("k8s/overlays/local"),
    PRODUCTION("k8s/overlays/production");

    private static final Map<Overlay, Manifests> RENDERED = new ConcurrentHashMap<>();

    private final String directory;

    Overlay(String directory) {
        this.directory = directory;
    }

    Path path() {
        return Kustomize.repositoryRoot().resolve(directory);
    }

    /** A fresh copy each call, so a test may tamper with it. */
    Manifests render() {
        return RENDERED.computeIfAbsent(this, overlay -> Manifests.parse(Kustomize.render(overlay.path()))).copy();
    }
}

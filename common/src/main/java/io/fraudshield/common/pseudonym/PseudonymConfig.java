package io.fraudshield.common.pseudonym;

import io.smallrye.config.ConfigMapping;

import java.util.Map;

/**
 * The keys behind customerRef and cardRef. Every service uses the same keys, so references join across
 * services. In production they come from a Kubernetes Secret ({@code FRAUDSHIELD_PSEUDONYM_KEYS__<ID>_}).
 */
@ConfigMapping(prefix = "fraudshield.pseudonym")
public interface PseudonymConfig {

    /** The key new references are made with. */
    String activeKeyId();

    /** Key id → base64-encoded secret of at least 32 bytes. Older keys stay until their references are re-keyed. */
    Map<String, String> keys();
}

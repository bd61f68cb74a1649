package io.fraudshield.common.audit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Map;

/**
 * The audit trail's settings. The seal keys live in configuration (a Kubernetes Secret in production,
 * {@code FRAUDSHIELD_AUDIT_KEYS_<ID>}), never in the database, so whoever owns the tables cannot forge a seal.
 */
@ConfigMapping(prefix = "fraudshield.audit")
public interface AuditConfig {

    /** Parallel hash chains; an object's events stay in one. Fixed once the first heads exist. */
    @WithDefault("16")
    int chains();

    /** The key new events, heads and checkpoints are sealed with. */
    String activeKeyId();

    /** Key id → base64-encoded secret of at least 32 bytes. Retired keys stay so older seals still verify. */
    Map<String, String> keys();

    /** How often a signed checkpoint of all chain heads is taken, e.g. {@code 5m}; {@code off} to stop. */
    @WithDefault("5m")
    String checkpointEvery();
}

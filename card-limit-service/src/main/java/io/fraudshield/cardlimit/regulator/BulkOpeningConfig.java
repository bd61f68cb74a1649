package io.fraudshield.cardlimit.regulator;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * The bulk-opening signal (docs/rules.md A3 §6 refusal ground 2 and A4 Art. 16 异常开户): a customer who gets
 * {@code threshold} or more new counted cards or accounts across all banks within {@code window}
 * is reported to account-risk-service as a person marker.
 */
@ConfigMapping(prefix = "cardlimit.bulk-opening")
public interface BulkOpeningConfig {

    @WithDefault("5")
    int threshold();

    @WithDefault("P30D")
    Duration window();
}

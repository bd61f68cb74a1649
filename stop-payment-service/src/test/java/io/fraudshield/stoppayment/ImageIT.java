package io.fraudshield.stoppayment;

import io.fraudshield.localstack.image.ServiceImageChecks;

/** The container image the package phase built (target/jib-image.tar): docs/images.md. */
class ImageIT extends ServiceImageChecks {

    @Override
    protected String serviceName() {
        return "stop-payment-service";
    }
}

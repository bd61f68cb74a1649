package io.fraudshield.stoppayment;

import io.fraudshield.localstack.ServicePlatformChecks;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PlatformTest extends ServicePlatformChecks {

    @Override
    protected String serviceName() {
        return "stop-payment-service";
    }
}

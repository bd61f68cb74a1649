package io.fraudshield.cardlimit;

import io.fraudshield.localstack.ServicePlatformChecks;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PlatformTest extends ServicePlatformChecks {

    @Override
    protected String serviceName() {
        return "card-limit-service";
    }
}

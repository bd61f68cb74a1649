package io.fraudshield.accountrisk;

import io.fraudshield.localstack.LocalStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Every @QuarkusTest of this service runs on one real PostgreSQL (database "accountrisk") and Redis from local-stack. */
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = {@ResourceArg(name = "database", value = "accountrisk"),
        @ResourceArg(name = "redis", value = "true")})
public class AccountRiskTestStores {
}

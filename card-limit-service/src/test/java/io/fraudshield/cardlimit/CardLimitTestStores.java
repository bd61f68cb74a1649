package io.fraudshield.cardlimit;

import io.fraudshield.localstack.LocalStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Every @QuarkusTest of this service runs on one real PostgreSQL (database "cardlimit") and Redis from local-stack. */
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "cardlimit"))
public class CardLimitTestStores {
}

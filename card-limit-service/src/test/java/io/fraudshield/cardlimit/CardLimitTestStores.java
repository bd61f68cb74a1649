package io.fraudshield.cardlimit;

import io.fraudshield.localstack.LocalStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * Every @QuarkusTest of this service runs on one real PostgreSQL (database "cardlimit") and Redis from
 * local-stack, with account-risk-service stubbed at its HTTP boundary.
 */
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "cardlimit"))
@QuarkusTestResource(AccountRiskStub.class)
public class CardLimitTestStores {
}

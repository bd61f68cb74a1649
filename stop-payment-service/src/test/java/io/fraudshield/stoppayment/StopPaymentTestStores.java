package io.fraudshield.stoppayment;

import io.fraudshield.localstack.LocalStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * Every @QuarkusTest of this service runs on one real PostgreSQL (database "stoppayment") from local-stack, with
 * account-risk-service stubbed at its HTTP boundary. Banks' webhook receivers are real local servers
 * ({@link WebhookReceiver}).
 */
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "stoppayment"))
@QuarkusTestResource(AccountRiskStub.class)
public class StopPaymentTestStores {
}

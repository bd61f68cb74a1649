package io.fraudshield.common.kernel;

import io.fraudshield.localstack.LocalStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** The kernel tests' stores: one PostgreSQL database "kernel" and Redis from local-stack. */
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "kernel"))
public class KernelTestApp {
}

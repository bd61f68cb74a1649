package io.fraudshield.stoppayment;

import io.fraudshield.localstack.ServiceArchitectureChecks;

class ArchitectureTest extends ServiceArchitectureChecks {

    @Override
    protected String servicePackage() {
        return "stoppayment";
    }
}

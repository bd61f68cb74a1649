package io.fraudshield.accountrisk;

import io.fraudshield.localstack.ServiceArchitectureChecks;

class ArchitectureTest extends ServiceArchitectureChecks {

    @Override
    protected String servicePackage() {
        return "accountrisk";
    }
}

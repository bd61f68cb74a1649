package io.fraudshield.cardlimit;

import io.fraudshield.localstack.ServiceArchitectureChecks;

class ArchitectureTest extends ServiceArchitectureChecks {

    @Override
    protected String servicePackage() {
        return "cardlimit";
    }
}

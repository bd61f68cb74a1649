package io.fraudshield.accountrisk.restriction;

/** The level of a police agency; only CITY and above may certify, only PROVINCE may list below the thresholds. */
public enum AgencyLevel {
    COUNTY, CITY, PROVINCE, NATIONAL;

    public boolean atLeast(AgencyLevel other) {
        return compareTo(other) >= 0;
    }
}

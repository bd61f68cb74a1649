package io.fraudshield.accountrisk;

/** Request and response examples for the published OpenAPI contract, in one place. */
public final class Examples {

    public static final String ACCOUNT_MARKER = """
            {"bank":"B102","accountNumber":"6217000010012345671","category":"INVOLVED_ACCOUNT","level":"BLACK",\
            "reasonCode":"CASE_RECEIVING_ACCOUNT","evidenceRef":"GA-3301-2026-000123"}""";

    public static final String PERSON_MARKER = """
            {"customerRef":"dev1.3Ivq2l0Qm0yCX0nA9e8c1XcW0n6x1Yh5u8bQm0yCX0n","type":"BULK_ACCOUNT_OPENING",\
            "reasonCode":"ABNORMAL_ACCOUNT_OPENING","source":"card-limit-service",\
            "evidence":{"newCards":5,"banks":3,"window":"PT720H"},"observedAt":"2026-11-28T09:00:00Z"}""";

    public static final String REVOCATION = """
            {"reason":"Case closed: the account holder was a victim, not a mule"}""";

    public static final String PERSON_RESTRICTION = """
            {"person":{"type":"RESIDENT_ID","number":"11010519491231002X"},"ground":"CERTIFIED",\
            "certifiedOn":"2026-11-20","reasonCode":"SOLD_ACCOUNTS","caseRef":"GA-3301-2026-000123","statedCount":4,\
            "noticeBasis":"Anti-Telecom Fraud Law art. 31; Joint Punishment Measures 2024 art. 3"}""";

    public static final String STATUS_QUERY = """
            {"accounts":[{"bank":"B102","accountNumber":"6217000010012345671"},\
            {"bank":"B205","accountNumber":"6222021234567894"}]}""";

    private Examples() {
    }
}

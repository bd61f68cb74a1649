package io.fraudshield.stoppayment;

/** Request examples shown in the OpenAPI document (test data only: no real person, account or document). */
public final class Examples {

    private Examples() {
    }

    public static final String PARTICIPANT = """
            {"kind":"BANK","name":"Example Bank head office","webhookUrl":"https://bank.example/fraudshield/orders",\
            "binRanges":[{"from":"622202","to":"622202"}]}""";

    public static final String SIGNING_SECRET = """
            {"secret":"c2lnbmluZy1zZWNyZXQtZXhhbXBsZS0wMDAwMDAwMQ"}""";

    public static final String STOP_ORDER = """
            {"kind":"STOP_PAYMENT","caseNumber":"GA3301-2026-000123",\
            "legalDocument":{"number":"HZGA-ZF-2026-0456","issuingAuthority":"Hangzhou PSB Anti-Fraud Centre",\
            "sha256":"9f2b5c1e3a7d4b6c8e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d"},\
            "approvingOfficer":"officer-0457","target":"B102","holderName":"Zhang San",\
            "accountNumber":"6217000010012345671","amount":"48000.00",\
            "transaction":{"time":"2026-11-28T09:14:05Z","amount":"48000.00"},"victimRef":"V-2026-0001"}""";

    public static final String FEEDBACK = """
            {"status":"PARTIALLY_EXECUTED","reason":"INSUFFICIENT_BALANCE","stoppedAmount":"12000.00",\
            "effectiveAt":"2026-11-28T09:20:00Z",\
            "onwardTransfers":[{"bank":"B205","accountNumber":"6228480012345678","holderName":"Li Si",\
            "amount":"30000.00","time":"2026-11-28T09:16:40Z","transactionId":"TX-20261128-0001"}]}""";

    public static final String STANDING_AUTHORISATION = """
            {"maxLayer":5,"maxAmount":"50000.00","validUntil":"2026-12-05T00:00:00Z",\
            "legalBasis":"Case file GA3301-2026-000123, approval of 2026-11-28 by the centre's duty chief"}""";

    public static final String REFUND = """
            {"basis":"TRACED_SINGLE","officers":["officer-0457","officer-0612"],"noticeDocument":"HZGA-FH-2026-0031",\
            "victims":[{"victimRef":"V-2026-0001","loss":"48000.00","traced":"10000.00",\
            "accountNumber":"6222021234567894","holderName":"Chen Mei"}]}""";
}

package io.fraudshield.cardlimit;

/** Request examples for the OpenAPI document, in one place (STYLE.md). Test data only: no real person. */
public final class Examples {

    public static final String OPENING = """
            {"customer":{"type":"RESIDENT_ID","number":"11010519491231002X"},"accountClass":"CLASS_II","card":"DEBIT_CARD","channel":"COUNTER"}""";
    public static final String OPENING_BY_AGENT = """
            {"customer":{"type":"RESIDENT_ID","number":"11010519491231002X"},"accountClass":"CLASS_II","card":"DEBIT_CARD",
             "channel":"COUNTER","agent":{"type":"RESIDENT_ID","number":"440524188001010014"}}""";
    public static final String CONFIRMATION = """
            {"cardNumber":"6222021234567894"}""";
    public static final String ACTIVATION = """
            {"agent":{"type":"RESIDENT_ID","number":"440524188001010014"},"channel":"COUNTER"}""";
    public static final String OVERRIDE = """
            {"customer":{"type":"RESIDENT_ID","number":"11010519491231002X"},"limitKind":"DEBIT_CARDS",
             "reason":"Payroll card required by the customer's new employer; existing cards verified in person"}""";

    private Examples() {
    }
}

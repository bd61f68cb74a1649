package io.fraudshield.stoppayment;

import java.time.Instant;

/** Request bodies as police and banks write them. */
public final class Bodies {

    public static final String DOCUMENT = "{\"number\":\"HZGA-ZF-2026-0456\",\"issuingAuthority\":\"Hangzhou PSB Anti-Fraud Centre\","
            + "\"sha256\":\"9f2b5c1e3a7d4b6c8e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d\"}";

    private Bodies() {
    }

    public static String participant(String kind, String webhookUrl, String... bins) {
        StringBuilder ranges = new StringBuilder();
        for (String bin : bins) {
            ranges.append(ranges.isEmpty() ? "" : ",").append("{\"from\":\"").append(bin).append("\",\"to\":\"").append(bin).append("\"}");
        }
        return "{\"kind\":\"" + kind + "\",\"name\":\"Test " + kind.toLowerCase() + "\""
                + (webhookUrl == null ? "" : ",\"webhookUrl\":\"" + webhookUrl + "\"") + ",\"binRanges\":[" + ranges + "]}";
    }

    public static String secret(String value) {
        return "{\"secret\":\"" + value + "\"}";
    }

    public static String stop(String caseNumber, String target, String account, String holder, String amount) {
        return "{\"kind\":\"STOP_PAYMENT\",\"caseNumber\":\"" + caseNumber + "\",\"legalDocument\":" + DOCUMENT
                + ",\"approvingOfficer\":\"chief-01\"" + (target == null ? "" : ",\"target\":\"" + target + "\"")
                + ",\"holderName\":\"" + holder + "\",\"accountNumber\":\"" + account + "\",\"amount\":\"" + amount + "\","
                + "\"transaction\":{\"time\":\"2026-11-28T09:14:05Z\",\"amount\":\"" + amount + "\"},\"victimRef\":\"V-1\"}";
    }

    public static String freeze(String caseNumber, String target, String account, String holder, String amount) {
        return "{\"kind\":\"FREEZE\",\"freezeMode\":\"AMOUNT_LIMITED\",\"caseNumber\":\"" + caseNumber + "\",\"legalDocument\":"
                + DOCUMENT + ",\"approvingOfficer\":\"chief-01\",\"target\":\"" + target + "\",\"holderName\":\"" + holder
                + "\",\"accountNumber\":\"" + account + "\",\"amount\":\"" + amount + "\"}";
    }

    /** EXTEND or RELEASE quoting the original order. */
    public static String quoting(String kind, String caseNumber, String originalOrderId) {
        return "{\"kind\":\"" + kind + "\",\"caseNumber\":\"" + caseNumber + "\",\"legalDocument\":" + DOCUMENT
                + ",\"approvingOfficer\":\"chief-01\",\"originalOrderId\":\"" + originalOrderId + "\"}";
    }

    public static String acknowledged() {
        return "{\"status\":\"ACKNOWLEDGED\"}";
    }

    public static String executed(String amount) {
        return "{\"status\":\"EXECUTED\",\"stoppedAmount\":\"" + amount + "\",\"effectiveAt\":\"" + Instant.now() + "\"}";
    }

    /** EXTEND and RELEASE move no money. */
    public static String executedWithoutAmount() {
        return "{\"status\":\"EXECUTED\",\"effectiveAt\":\"" + Instant.now() + "\"}";
    }

    public static String partly(String stopped, String... transfers) {
        return "{\"status\":\"PARTIALLY_EXECUTED\",\"reason\":\"INSUFFICIENT_BALANCE\",\"stoppedAmount\":\"" + stopped
                + "\",\"effectiveAt\":\"" + Instant.now() + "\",\"onwardTransfers\":[" + String.join(",", transfers) + "]}";
    }

    public static String notExecuted(String reason, String... transfers) {
        return "{\"status\":\"NOT_EXECUTED\",\"reason\":\"" + reason + "\",\"onwardTransfers\":[" + String.join(",", transfers) + "]}";
    }

    public static String transfer(String bank, String account, String holder, String amount, String transactionId) {
        return "{\"bank\":\"" + bank + "\",\"accountNumber\":\"" + account + "\",\"holderName\":\"" + holder
                + "\",\"amount\":\"" + amount + "\",\"time\":\"2026-11-28T09:16:40Z\",\"transactionId\":\"" + transactionId + "\"}";
    }

    public static String standing(int maxLayer, String maxAmount) {
        return "{\"maxLayer\":" + maxLayer + ",\"maxAmount\":\"" + maxAmount + "\",\"validUntil\":\""
                + Instant.now().plusSeconds(86_400) + "\",\"legalBasis\":\"Case file approval by the duty chief\"}";
    }

    public static final String VICTIM_ACCOUNT = "6222021234567894";

    public static String tracedRefund(String amount, String loss) {
        return "{\"basis\":\"TRACED_SINGLE\",\"officers\":[\"officer-a\",\"officer-b\"],\"noticeDocument\":\"FH-2026-1\","
                + "\"victims\":[{\"victimRef\":\"V-1\",\"loss\":\"" + loss + "\",\"traced\":\"" + amount
                + "\",\"accountNumber\":\"" + VICTIM_ACCOUNT + "\",\"holderName\":\"Chen Mei\"}]}";
    }

    public static String proportionalRefund(String... losses) {
        StringBuilder victims = new StringBuilder();
        for (int i = 0; i < losses.length; i++) {
            victims.append(i == 0 ? "" : ",").append("{\"victimRef\":\"V-").append(i + 1).append("\",\"loss\":\"")
                    .append(losses[i]).append("\",\"accountNumber\":\"62220212345678").append(10 + i)
                    .append("\",\"holderName\":\"Victim ").append(i + 1).append("\"}");
        }
        return "{\"basis\":\"PROPORTIONAL\",\"officers\":[\"officer-a\",\"officer-b\"],\"noticeDocument\":\"FH-2026-2\","
                + "\"victims\":[" + victims + "]}";
    }
}

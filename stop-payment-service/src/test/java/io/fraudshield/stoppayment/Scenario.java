package io.fraudshield.stoppayment;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Fresh participants, BINs, accounts and case numbers for one test, so tests sharing the database never meet:
 * an agency with its officer, and helpers to register banks with a webhook receiver and two signing secrets.
 */
public final class Scenario {

    private static final AtomicLong NEXT = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    public final String agency = Actor.freshCode("PSB");
    public final Actor officer = Actor.police(agency, "officer-" + agency.toLowerCase());
    public final String caseNumber = "GA" + agency + "-2026-" + (NEXT.incrementAndGet() % 1_000_000);

    /** A registered bank with a BIN of its own and a receiver signing under {@link #SECRET_1} and {@link #SECRET_2}. */
    public Bank bank() {
        WebhookReceiver receiver = WebhookReceiver.started();
        return bank(receiver, true);
    }

    public Bank bank(WebhookReceiver receiver, boolean twoSecrets) {
        String code = Actor.freshCode("B");
        String bin = String.format("9%05d", NEXT.incrementAndGet() % 100_000);
        Actor.admin().idempotent().body(Bodies.participant("BANK", receiver == null ? null : receiver.url(), bin))
                .put("/v1/participants/" + code).then().statusCode(201);
        Actor.admin().post("/v1/participants/" + code + "/signing-secrets", Bodies.secret(SECRET_1)).then().statusCode(200);
        if (twoSecrets) {
            Actor.admin().post("/v1/participants/" + code + "/signing-secrets", Bodies.secret(SECRET_2)).then().statusCode(200);
        }
        return new Bank(code, bin, Actor.bank(code), receiver);
    }

    public static final String SECRET_1 = "whsec-first-secret-of-the-test-bank-0001";
    public static final String SECRET_2 = "whsec-second-secret-of-the-test-bank-002";

    /** A case number of this agency other than {@link #caseNumber}. */
    public String otherCase() {
        return caseNumber + "-" + NEXT.incrementAndGet() % 1000;
    }

    public record Bank(String code, String bin, Actor actor, WebhookReceiver receiver) {

        /** A new account number at this bank, starting with its BIN. */
        public String account() {
            return bin + String.format("%012d", NEXT.incrementAndGet() % 1_000_000_000_000L);
        }
    }
}

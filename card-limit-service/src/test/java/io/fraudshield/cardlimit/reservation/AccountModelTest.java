package io.fraudshield.cardlimit.reservation;

import io.fraudshield.cardlimit.BankClient;
import io.fraudshield.localstack.TestPeople;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** Accounts and cards together: a debit card is the medium of a Class I or II account (docs/rules.md A1, A2). */
@QuarkusTest
class AccountModelTest {

    private final BankClient bank = BankClient.of("B111");

    @Test
    void fourDebitCardsAreCardsOfAccountsAndAFifthCardOnAnyClassIsDenied() {
        String customer = TestPeople.residentId();
        for (int i = 0; i < 4; i++) {
            bank.openCard(customer);
        }
        // the Class I account itself is still possible, without a card
        bank.reserve(customer, "CLASS_I", null).then().statusCode(201).body("reasons", equalTo(java.util.List.of()));
        bank.check(customer, "CLASS_I", "DEBIT_CARD", "COUNTER").then()
                .body("decision", equalTo("DENY")).body("reasons", contains("DEBIT_CARD_LIMIT", "CLASS_I_EXISTS"));
        bank.reserve(customer, "CLASS_II", "DEBIT_CARD").then().statusCode(200)
                .body("decision", equalTo("DENY")).body("reasons", contains("DEBIT_CARD_LIMIT"))
                .body("holdings.find { it.limit == 'DEBIT_CARDS' }.active", equalTo(4))
                .body("holdings.find { it.limit == 'CLASS_II_ACCOUNTS' }.active", equalTo(4))
                .body("holdings.find { it.limit == 'CLASS_I_ACCOUNTS' }.held", equalTo(1));
        // a fifth Class II account without a card is within both limits
        bank.reserve(customer, "CLASS_II", null).then().statusCode(201);
    }

    @Test
    void aClassIIIAccountNeverHasACard() {
        bank.reserve(TestPeople.residentId(), "CLASS_III", "DEBIT_CARD").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("card"));
    }

    @Test
    void confirmationTakesACardNumberExactlyWhenACardWasIssued() {
        String customer = TestPeople.residentId();
        String withoutCard = bank.reserve(customer, "CLASS_III", null).then().statusCode(201)
                .body("cardCategory", nullValue()).extract().path("id");
        bank.confirm(withoutCard, TestPeople.cardNumber()).then().statusCode(400)
                .body("errors[0].field", equalTo("cardNumber"));
        bank.confirm(withoutCard, null).then().statusCode(200).body("state", equalTo("ACTIVE"))
                .body("accountClass", equalTo("CLASS_III")).body("maskedCard", nullValue());
        String withCard = bank.reserveDebitCard(customer).then().statusCode(201).extract().path("id");
        bank.confirm(withCard, null).then().statusCode(400).body("errors[0].field", equalTo("cardNumber"));
        bank.confirm(withCard).then().statusCode(200).body("cardCategory", equalTo("DEBIT_CARD"));
    }

    @Test
    void aPaymentInstitutionOpensOnePaymentAccountPerPersonAndNothingElse() {
        BankClient alipay = BankClient.paymentInstitution("PAY01");
        String customer = TestPeople.residentId();
        String id = alipay.reserve(customer, "CLASS_III", null).then().statusCode(201).extract().path("id");
        alipay.confirm(id, null).then().statusCode(200);
        alipay.reserve(customer, "CLASS_III", null).then().statusCode(200)
                .body("decision", equalTo("DENY")).body("reasons", contains("PAYMENT_ACCOUNT_LIMIT"))
                .body("holdings.find { it.limit == 'PAYMENT_ACCOUNTS' }.inForce", equalTo(1));
        alipay.reserve(customer, "CLASS_II", null).then().statusCode(400).body("errors[0].field", equalTo("accountClass"));
        alipay.reserve(customer, "CLASS_III", "VIRTUAL_CARD").then().statusCode(400).body("errors[0].field", equalTo("card"));
        // another institution, and a bank's Class III accounts, are counted on their own
        BankClient.paymentInstitution("PAY02").reserve(customer, "CLASS_III", null).then().statusCode(201);
        bank.reserve(customer, "CLASS_III", null).then().statusCode(201);
        // a payment institution may not call the bank-only endpoints
        alipay.request().get("/v1/cards/" + id).then().statusCode(403);
    }
}

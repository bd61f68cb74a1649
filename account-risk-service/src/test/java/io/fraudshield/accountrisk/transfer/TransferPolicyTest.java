package io.fraudshield.accountrisk.transfer;

import io.fraudshield.accountrisk.status.AccountStatus;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped rule table (application.properties), one row per rule and its edges. */
class TransferPolicyTest {

    static List<TransferRulesConfig.Rule> rules;

    @BeforeAll
    static void loadTheShippedTable() throws Exception {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(TransferPolicyTest.class.getResource("/application.properties"), 100))
                .withMapping(TransferRulesConfig.class).build();
        rules = config.getConfigMapping(TransferRulesConfig.class).rules();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            clean transfer                     | CLEAR  | CLEAR   | false | MOBILE_APP       | false | OTHER   | ALLOW | -
            payee frozen                       | CLEAR  | FROZEN  | false | MOBILE_APP       | false | OTHER   | BLOCK | PAYEE_FROZEN
            payee stopped                      | CLEAR  | STOPPED | false | COUNTER          | false | OTHER   | BLOCK | PAYEE_STOPPED
            payee black-listed                 | CLEAR  | BLACK   | false | ONLINE_BANKING   | false | OTHER   | BLOCK | PAYEE_BLACK_LISTED
            payer frozen                       | FROZEN | CLEAR   | false | COUNTER          | false | OTHER   | BLOCK | PAYER_ACCOUNT_STOPPED_OR_FROZEN
            payer stopped                      | STOPPED| CLEAR   | false | MOBILE_APP       | false | OTHER   | BLOCK | PAYER_ACCOUNT_STOPPED_OR_FROZEN
            punished payer online              | CLEAR  | CLEAR   | true  | MOBILE_APP       | false | OTHER   | BLOCK | PAYER_NON_COUNTER_SUSPENDED
            punished payer at the counter      | CLEAR  | CLEAR   | true  | COUNTER          | false | OTHER   | ALLOW | -
            punished payer's utility debit     | CLEAR  | CLEAR   | true  | PAYMENT_PLATFORM | false | UTILITY | ALLOW | -
            punished payer's tax debit         | CLEAR  | CLEAR   | true  | ONLINE_BANKING   | false | TAX     | ALLOW | -
            punished payer's own balance move  | CLEAR  | CLEAR   | true  | PAYMENT_PLATFORM | false | OWN_ACCOUNT_BALANCE_MOVE | ALLOW | -
            payee grey-listed                  | CLEAR  | GREY    | false | MOBILE_APP       | false | OTHER   | WARN  | PAYEE_GREY_LISTED
            ATM to another person              | CLEAR  | CLEAR   | false | ATM              | false | OTHER   | DELAY | ATM_TRANSFER_TO_OTHERS
            ATM to own account at the bank     | CLEAR  | CLEAR   | false | ATM              | true  | OTHER   | ALLOW | -
            ATM to a grey payee                | CLEAR  | GREY    | false | ATM              | false | OTHER   | DELAY | PAYEE_GREY_LISTED ATM_TRANSFER_TO_OTHERS
            ATM to a frozen payee              | CLEAR  | FROZEN  | false | ATM              | false | OTHER   | BLOCK | PAYEE_FROZEN ATM_TRANSFER_TO_OTHERS
            """)
    void oneRowOfTheTable(String name, AccountStatus payer, AccountStatus payee, boolean suspended, TransferChannel channel,
                          boolean ownSameBank, Purpose purpose, TransferOutcome outcome, String reasons) {
        TransferFacts facts = new TransferFacts(payer, payee, suspended, channel, new BigDecimal("500.00"), ownSameBank,
                purpose, Set.of(Purpose.TAX, Purpose.SOCIAL_SECURITY, Purpose.UTILITY, Purpose.OWN_ACCOUNT_BALANCE_MOVE).contains(purpose));
        TransferPolicy.Decision decision = TransferPolicy.decide(rules, facts);
        assertEquals(outcome, decision.outcome());
        assertEquals(reasons.equals("-") ? List.of() : Arrays.asList(reasons.split(" ")), decision.reasons());
    }

    @Test
    void everyShippedRuleHasARowAbove() {
        assertEquals(7, rules.size(), "add a row to oneRowOfTheTable for every new rule");
    }

    @Test
    void theAtmDelayIs24HoursAndTheGreyWarningSpeaksBothLanguages() {
        TransferPolicy.Decision delay = TransferPolicy.decide(rules, new TransferFacts(AccountStatus.CLEAR,
                AccountStatus.GREY, false, TransferChannel.ATM, BigDecimal.TEN, false, Purpose.OTHER, false));
        assertEquals(Duration.ofHours(24), delay.delay().orElseThrow());
        assertTrue(delay.warnings().get(0).zh().contains("诈骗"));
        assertTrue(delay.warnings().get(0).en().contains("scam"));
    }
}

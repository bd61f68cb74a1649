package io.fraudshield.accountrisk.transfer;

import io.fraudshield.accountrisk.antiscan.TokenBuckets;
import io.fraudshield.accountrisk.restriction.Measure;
import io.fraudshield.accountrisk.restriction.PunishmentConfig;
import io.fraudshield.accountrisk.restriction.RestrictionService;
import io.fraudshield.accountrisk.status.AccountQuery;
import io.fraudshield.accountrisk.status.AccountStatus;
import io.fraudshield.accountrisk.status.AccountStatusService;
import io.fraudshield.accountrisk.status.AccountStatusView;
import io.fraudshield.accountrisk.status.StatusQueryRequest;
import io.fraudshield.common.caller.Caller;
import io.fraudshield.common.metrics.BusinessMetrics;
import io.fraudshield.common.pseudonym.Pseudonymizer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.List;

/**
 * Gathers the facts of a transfer (both accounts' statuses from the hot path, the payer's restriction) and
 * lets the configured rule table decide (docs/rules.md A3, A4 art. 18, A5).
 */
@ApplicationScoped
public class TransferCheckService {

    private final AccountStatusService statuses;
    private final RestrictionService restrictions;
    private final TokenBuckets buckets;
    private final Pseudonymizer pseudonymizer;
    private final PunishmentConfig punishment;
    private final TransferRulesConfig rules;
    @Inject
    BusinessMetrics metrics;

    public TransferCheckService(AccountStatusService statuses, RestrictionService restrictions, TokenBuckets buckets,
                                Pseudonymizer pseudonymizer, PunishmentConfig punishment, TransferRulesConfig rules) {
        this.statuses = statuses;
        this.restrictions = restrictions;
        this.buckets = buckets;
        this.pseudonymizer = pseudonymizer;
        this.punishment = punishment;
        this.rules = rules;
    }

    public TransferCheckView check(Caller caller, TransferCheckRequest request) {
        StatusQueryRequest accounts = new StatusQueryRequest(List.of(
                new AccountQuery(request.payer().bank(), request.payer().accountNumber()),
                new AccountQuery(request.payee().bank(), request.payee().accountNumber())));
        AccountStatusService.Lookup lookup = statuses.lookUp(accounts);
        int misses = lookup.misses();
        buckets.charge(caller, buckets.cost(2 - misses, misses));
        List<AccountStatusView> answers = statuses.answer(caller, accounts, lookup).results();
        boolean suspended = request.payer().holder() != null && restrictions
                .status(pseudonymizer.customerRef(request.payer().holder())).measures()
                .contains(Measure.NON_COUNTER_SUSPENDED);
        Purpose purpose = request.purpose() == null ? Purpose.OTHER : request.purpose();
        TransferFacts facts = new TransferFacts(answers.get(0).status(), answers.get(1).status(), suspended,
                request.channel(), request.amount().amount(),
                request.ownAccount() && request.payer().bank().equals(request.payee().bank()), purpose,
                punishment.exemptDebits().contains(purpose.name()));
        TransferPolicy.Decision decision = TransferPolicy.decide(rules.rules(), facts);
        metrics.decision("transfer-check", decision.outcome(), decision.reasons());
        Long hours = decision.delay().map(d -> d.toHours()).orElse(null);
        Instant creditAfter = decision.delay().map(d -> Instant.now().plus(d)).orElse(null);
        return new TransferCheckView(decision.outcome(), decision.reasons(), hours, creditAfter,
                decision.warnings().isEmpty() ? null : decision.warnings(), facts.payerStatus(), facts.payeeStatus());
    }
}

package io.fraudshield.cardlimit.regulator;

import io.fraudshield.cardlimit.reservation.BankSlotCount;
import io.fraudshield.cardlimit.reservation.CardSlotRepository;
import io.fraudshield.cardlimit.reservation.PersonLinks;
import io.fraudshield.cardlimit.rules.Limit;
import io.fraudshield.cardlimit.rules.RuleBook;
import io.fraudshield.common.audit.AuditEntry;
import io.fraudshield.common.audit.AuditTrail;
import io.fraudshield.common.caller.Caller;
import io.fraudshield.common.pseudonym.Pseudonymizer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

@ApplicationScoped
public class RegulatorService {

    private final CardSlotRepository slots;
    private final PersonLinks links;
    private final RuleBook rules;
    private final Pseudonymizer pseudonymizer;
    private final AuditTrail audit;

    public RegulatorService(CardSlotRepository slots, PersonLinks links, RuleBook rules, Pseudonymizer pseudonymizer,
                            AuditTrail audit) {
        this.slots = slots;
        this.links = links;
        this.rules = rules;
        this.pseudonymizer = pseudonymizer;
        this.audit = audit;
    }

    /** Every look-up of a person across banks is itself audited: who looked, at whom, when. */
    @Transactional
    public CrossBankCounts countsAcrossBanks(Caller regulator, CrossBankQuery query) {
        String customerRef = pseudonymizer.customerRef(query.customer());
        List<String> presented = pseudonymizer.customerRefsUnderAllKeys(query.customer());
        List<String> refs = links.refsOf(links.findPersons(presented), presented);
        Map<String, Map<Limit, Long>> perBank = new TreeMap<>();
        long totalOpen = 0;
        for (BankSlotCount row : slots.openPerBank(refs)) {
            // a payment institution's Class III accounts show as CLASS_III_ACCOUNTS: slots do not record who opened them
            Set<Limit> consumed = rules.consumedBy(row.accountClass(), row.cardCategory(), false);
            if (!consumed.isEmpty()) {
                totalOpen += row.count();
            }
            consumed.forEach(limit -> perBank.computeIfAbsent(row.bank(), b -> new TreeMap<>())
                    .merge(limit, row.count(), Long::sum));
        }
        List<CrossBankCounts.BankCount> banks = new ArrayList<>();
        perBank.forEach((bank, counts) -> counts.forEach((limit, open) ->
                banks.add(new CrossBankCounts.BankCount(bank, limit, open))));
        CrossBankCounts counts = new CrossBankCounts(customerRef, List.copyOf(banks), totalOpen);
        audit.append(regulator, new AuditEntry("regulator.cross-bank-count", "反电信网络诈骗法 Art. 16", "person",
                customerRef, null, counts));
        return counts;
    }
}

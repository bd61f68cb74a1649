package io.fraudshield.cardlimit.regulator;

import io.fraudshield.cardlimit.reservation.CardSlotRepository;
import io.fraudshield.cardlimit.rules.Product;
import io.fraudshield.common.audit.AuditEntry;
import io.fraudshield.common.audit.AuditTrail;
import io.fraudshield.common.caller.Caller;
import io.fraudshield.common.pseudonym.Pseudonymizer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;

@ApplicationScoped
public class RegulatorService {

    private final CardSlotRepository slots;
    private final Pseudonymizer pseudonymizer;
    private final AuditTrail audit;

    public RegulatorService(CardSlotRepository slots, Pseudonymizer pseudonymizer, AuditTrail audit) {
        this.slots = slots;
        this.pseudonymizer = pseudonymizer;
        this.audit = audit;
    }

    /** Every look-up of a person across banks is itself audited: who looked, at whom, when. */
    @Transactional
    public CrossBankCounts countsAcrossBanks(Caller regulator, CrossBankQuery query) {
        String customerRef = pseudonymizer.customerRef(query.customer());
        List<CrossBankCounts.BankCount> banks = slots.openPerBank(customerRef).stream()
                .filter(row -> ((Product) row[1]).counted())
                .map(row -> new CrossBankCounts.BankCount((String) row[0], (Product) row[1], (Long) row[2]))
                .toList();
        CrossBankCounts counts = new CrossBankCounts(customerRef, banks,
                banks.stream().mapToLong(CrossBankCounts.BankCount::open).sum());
        audit.append(regulator, new AuditEntry("regulator.cross-bank-count", "反电信网络诈骗法 Art. 16", "person",
                customerRef, null, counts));
        return counts;
    }
}

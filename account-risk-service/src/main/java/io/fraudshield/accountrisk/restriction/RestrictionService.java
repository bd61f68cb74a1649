package io.fraudshield.accountrisk.restriction;

import io.fraudshield.accountrisk.feed.ChangeFeed;
import io.fraudshield.accountrisk.feed.FeedChange;
import io.fraudshield.accountrisk.feed.FeedMeasure;
import io.fraudshield.common.audit.AuditEntry;
import io.fraudshield.common.audit.AuditTrail;
import io.fraudshield.common.caller.Caller;
import io.fraudshield.common.caller.Role;
import io.fraudshield.common.problem.ProblemException;
import io.fraudshield.common.problem.ProblemType;
import io.fraudshield.common.pseudonym.Pseudonymizer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Person restrictions (joint punishment, docs/rules.md A3, A5): police list, the profile in force sets the
 * dates, a relisting carries the episode on under its cap, and a restriction ends by itself when its dates
 * pass — nothing has to run for a person to be free again.
 */
@ApplicationScoped
public class RestrictionService {

    private static final String BASIS = "docs/rules.md A5; Anti-Telecom Fraud Law art. 31";

    private final PersonRestrictionRepository restrictions;
    private final PunishmentConfig config;
    private final Pseudonymizer pseudonymizer;
    private final AuditTrail audit;
    private final ChangeFeed feed;

    public RestrictionService(PersonRestrictionRepository restrictions, PunishmentConfig config,
                              Pseudonymizer pseudonymizer, AuditTrail audit, ChangeFeed feed) {
        this.restrictions = restrictions;
        this.config = config;
        this.pseudonymizer = pseudonymizer;
        this.audit = audit;
        this.feed = feed;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public RestrictionView list(Caller police, RestrictionRequest request) {
        AgencyLevel level = config.agencies().getOrDefault(police.participant().value(), AgencyLevel.COUNTY);
        AgencyLevel needed = request.ground() == Ground.PROVINCIAL_LISTING ? AgencyLevel.PROVINCE : AgencyLevel.CITY;
        if (!level.atLeast(needed)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Listing on ground " + request.ground()
                    + " needs a police agency at " + needed + " level or above");
        }
        if (request.releasedOn() != null && request.releasedOn().isBefore(request.decidedOn())) {
            throw ProblemException.invalidField("releasedOn", "must not be before decidedOn");
        }
        String profileName = config.profile();
        PunishmentConfig.Profile profile = Optional.ofNullable(config.profiles().get(profileName))
                .orElseThrow(() -> new IllegalStateException("accountrisk.punishment.profile names no configured profile"));
        String customerRef = pseudonymizer.customerRef(request.person());
        restrictions.lockPerson(customerRef);
        Optional<PersonRestriction> current = restrictions.current(customerRef);
        Term term = PunishmentPolicy.term(profile, request.ground(), request.decidedOn(),
                Optional.ofNullable(request.releasedOn()), current.map(PersonRestriction::term));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (current.isPresent()) {
            PersonRestriction old = current.get();
            RestrictionView before = RestrictionView.of(old, config);
            old.moveTo(RestrictionState.SUPERSEDED, now, null);
            audit.append(police, new AuditEntry("restriction.superseded", BASIS, "person-restriction",
                    old.id.toString(), before, RestrictionView.of(old, config)));
        }
        PersonRestriction r = new PersonRestriction();
        r.id = UUID.randomUUID();
        r.customerRef = customerRef;
        r.profile = profileName;
        r.ground = request.ground();
        r.listingAgency = police.participant().value();
        r.listedBy = police.subject();
        r.reasonCode = request.reasonCode();
        r.caseRef = request.caseRef();
        r.statedCount = request.statedCount();
        r.belowThreshold = request.statedCount() != null && request.statedCount() < config.listingThreshold()
                && request.ground() != Ground.CONVICTED;
        r.episodeStart = term.episodeStart();
        r.startsOn = term.startsOn();
        r.nonCounterUntil = term.nonCounterUntil();
        r.noNewAccountsUntil = term.noNewAccountsUntil();
        r.noticeBasis = request.noticeBasis();
        r.state = RestrictionState.IN_FORCE;
        r.createdAt = now;
        restrictions.persist(r);
        restrictions.flush();
        RestrictionView view = RestrictionView.of(r, config);
        audit.append(police, new AuditEntry("restriction.listed", BASIS, "person-restriction", r.id.toString(), null, view));
        record(r, "RESTRICTED");
        return view;
    }

    /** Lifts a restriction at once (an upheld appeal, docs/rules.md A4 art. 32). */
    @Transactional(Transactional.TxType.MANDATORY)
    public RestrictionView lift(Caller caller, UUID id, String reason) {
        PersonRestriction r = restrictions.findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Restriction " + id));
        restrictions.lockPerson(r.customerRef);
        restrictions.getEntityManager().refresh(r);
        RestrictionView before = RestrictionView.of(r, config);
        r.moveTo(RestrictionState.LIFTED, Instant.now().truncatedTo(ChronoUnit.MICROS), reason);
        restrictions.flush();
        RestrictionView after = RestrictionView.of(r, config);
        audit.append(caller, new AuditEntry("restriction.lifted", "docs/rules.md A4 art. 32", "person-restriction",
                id.toString(), before, after));
        record(r, "LIFTED");
        return after;
    }

    /** Whether a person is restricted today; an unknown person is simply not restricted. */
    @Transactional
    public PersonRestrictionStatus status(String customerRef) {
        LocalDate today = LocalDate.now(config.zone());
        Optional<PersonRestriction> inForce = restrictions.current(customerRef).filter(r -> r.inForceOn(today));
        if (inForce.isEmpty()) {
            return new PersonRestrictionStatus(customerRef, false, List.of(), null, List.of());
        }
        Term term = inForce.get().term();
        List<Measure> measures = Arrays.stream(Measure.values()).filter(m -> today.isBefore(term.until(m))).toList();
        LocalDate until = term.nonCounterUntil().isAfter(term.noNewAccountsUntil()) ? term.nonCounterUntil()
                : term.noNewAccountsUntil();
        return new PersonRestrictionStatus(customerRef, true, measures, until, config.exemptDebits());
    }

    /** The listing, for the agency that listed it and regulators; 404 for anyone else. */
    @Transactional
    public RestrictionView find(Caller caller, UUID id) {
        return restrictions.findByIdOptional(id)
                .filter(r -> caller.role() == Role.REGULATOR || r.listingAgency.equals(caller.participant().value()))
                .map(r -> RestrictionView.of(r, config))
                .orElseThrow(() -> ProblemException.notFound("Restriction " + id));
    }

    /** The restriction a bank's customer may appeal against, if it is in force. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<PersonRestriction> inForce(String customerRef) {
        LocalDate today = LocalDate.now(config.zone());
        return restrictions.current(customerRef).filter(r -> r.inForceOn(today));
    }

    /**
     * Every measure with the instant its last day ends, so a mirror answers as {@link #status} does: today is
     * before a date in the zone exactly when now is before the start of that date there.
     */
    private void record(PersonRestriction r, String change) {
        Term term = r.term();
        List<FeedMeasure> measures = Arrays.stream(Measure.values())
                .map(m -> new FeedMeasure(m.name(), startOf(term.until(m)))).toList();
        feed.record(new FeedChange("RESTRICTION", r.id, "PERSON", r.customerRef, change, "PUNISHED_PERSON", "BLACK",
                startOf(r.startsOn), startOf(term.nonCounterUntil()), measures));
    }

    private Instant startOf(LocalDate day) {
        return day.atStartOfDay(config.zone()).toInstant();
    }
}

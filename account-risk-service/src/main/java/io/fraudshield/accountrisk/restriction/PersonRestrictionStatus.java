package io.fraudshield.accountrisk.restriction;

import java.time.LocalDate;
import java.util.List;

/**
 * The answer card-limit-service and payment platforms get (docs/card-limit.md, "Person restrictions"): an
 * unknown or no longer restricted person is {@code restricted: false}, never a 404. {@code measures} are the
 * measures in force today, {@code until} the last day any of them is in force (exclusive).
 */
public record PersonRestrictionStatus(String customerRef, boolean restricted, List<Measure> measures, LocalDate until,
                                      List<String> exemptDebits) {
}

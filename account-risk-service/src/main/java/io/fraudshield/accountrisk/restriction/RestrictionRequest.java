package io.fraudshield.accountrisk.restriction;

import io.fraudshield.common.identifier.PersonDocument;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/**
 * A listing by a police agency: the person (kept only as a customerRef), the ground, the day of the decision,
 * the end of a sentence served (if any), the case, and the basis the written notice states.
 * {@code statedCount} is the number of accounts, times or counterparts the certification states.
 */
public record RestrictionRequest(@NotNull PersonDocument person, @NotNull Ground ground, @NotNull LocalDate decidedOn,
                                 LocalDate releasedOn, @NotNull @Pattern(regexp = "[A-Z0-9_]{2,64}") String reasonCode,
                                 @NotNull @Size(min = 1, max = 200) String caseRef, @Min(0) Integer statedCount,
                                 @NotNull @Size(min = 5, max = 2000) String noticeBasis) {
}

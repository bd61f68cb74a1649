package io.fraudshield.stoppayment.participant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * A participant as the admin registers it. {@code webhookUrl} is the only place orders are pushed to (https;
 * none = inbox only); signing secrets are managed separately so they never travel back in a response.
 */
public record ParticipantRequest(@NotNull ParticipantKind kind, @NotBlank @Size(max = 200) String name,
                                 @Size(max = 500) String webhookUrl,
                                 @Size(max = 200) List<@Valid @NotNull BinRangeRequest> binRanges) {
}

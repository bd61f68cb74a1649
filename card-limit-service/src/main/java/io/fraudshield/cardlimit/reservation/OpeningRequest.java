package io.fraudshield.cardlimit.reservation;

import io.fraudshield.cardlimit.rules.AccountClass;
import io.fraudshield.cardlimit.rules.CardCategory;
import io.fraudshield.cardlimit.rules.Channel;
import io.fraudshield.common.identifier.PersonDocument;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** An account opening (and, optionally, the card issued on it) to check or to reserve a slot for. */
public record OpeningRequest(
        @NotNull PersonDocument customer,
        @Schema(description = "Every other document the bank holds for the same customer (passport, old and new "
                + "permanent-resident IDs…): they are linked to one person and counted together")
        @Size(max = 8) List<@NotNull PersonDocument> otherDocuments,
        @NotNull AccountClass accountClass,
        @Schema(description = "The category of the card issued on the account; absent when no card is issued. "
                + "A Class III account never has a card.")
        CardCategory card,
        @NotNull Channel channel,
        @Schema(description = "The agent's document when someone opens on the customer's behalf (代理开卡)")
        PersonDocument agent,
        @Schema(description = "An approved supervisor override granting one slot over a limit")
        UUID overrideId) {

    /** The primary document first, then the others. */
    public List<PersonDocument> documents() {
        List<PersonDocument> all = new ArrayList<>();
        all.add(customer);
        if (otherDocuments != null) {
            all.addAll(otherDocuments);
        }
        return all;
    }
}

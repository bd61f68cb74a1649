package io.fraudshield.cardlimit.rules;

import java.util.List;

/** An outcome and every reason behind it, most severe first. */
public record Decision(Outcome outcome, List<ReasonCode> reasons) {

    public boolean allowed() {
        return outcome == Outcome.ALLOW;
    }
}

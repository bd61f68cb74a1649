package io.fraudshield.stoppayment.trail;

import java.math.BigDecimal;

/**
 * Whether an onward transfer becomes a follow-up order, and for how much (docs/rules.md B2, layer by layer):
 * the next layer must be within the depth followed automatically, and the order asks for no more than the
 * transfer and no more than what is still missing at the account the money left.
 */
public final class FollowUpPolicy {

    public enum NotFollowed {
        /** the next layer is beyond stoppayment.trail.max-depth: the officer decides by a new order */
        LAYER_LIMIT,
        /** everything that left the account is already stopped or followed */
        NOTHING_MISSING,
        /** the reported institution is not in the participant registry */
        UNKNOWN_INSTITUTION,
        /** this transaction was followed already in this case */
        DUPLICATE_TRANSACTION,
        /** the receiving account has had its two stops in this case (docs/rules.md A6) */
        STOP_LIMIT
    }

    /** Either a follow-up at {@code layer} for {@code amount}, or why not. */
    public record Decision(NotFollowed notFollowed, int layer, BigDecimal amount) {

        public boolean follows() {
            return notFollowed == null;
        }
    }

    private final int maxDepth;

    public FollowUpPolicy(int maxDepth) {
        this.maxDepth = maxDepth;
    }

    public Decision decide(int parentLayer, BigDecimal transferred, BigDecimal stillMissing) {
        int layer = parentLayer + 1;
        if (layer > maxDepth) {
            return new Decision(NotFollowed.LAYER_LIMIT, layer, BigDecimal.ZERO);
        }
        if (stillMissing.signum() <= 0) {
            return new Decision(NotFollowed.NOTHING_MISSING, layer, BigDecimal.ZERO);
        }
        return new Decision(null, layer, transferred.min(stillMissing));
    }
}

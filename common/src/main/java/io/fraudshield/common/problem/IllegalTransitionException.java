package io.fraudshield.common.problem;

/** A state machine refused a transition (e.g. confirming a released hold): always a 409 conflict. */
public class IllegalTransitionException extends ProblemException {

    public IllegalTransitionException(String what, Enum<?> from, Enum<?> to) {
        super(ProblemType.CONFLICT, what + " cannot go from " + from + " to " + to);
    }

    public IllegalTransitionException(String detail) {
        super(ProblemType.CONFLICT, detail);
    }
}

package io.fraudshield.common.caller;

import io.fraudshield.common.identifier.ParticipantCode;

/**
 * Who is calling, from a verified token: the person or system ({@code subject}), its role and the
 * institution or agency it acts for. Every object read or written is checked against {@code participant}.
 */
public record Caller(String subject, Role role, ParticipantCode participant) {
}

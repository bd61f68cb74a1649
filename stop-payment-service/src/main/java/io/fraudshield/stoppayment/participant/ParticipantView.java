package io.fraudshield.stoppayment.participant;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record ParticipantView(String code, ParticipantKind kind, String name, String webhookUrl,
                              List<BinRangeRequest> binRanges, List<SecretView> activeSigningSecrets,
                              Instant updatedAt) {

    /** Which secrets sign webhooks now; their values are never shown. */
    public record SecretView(UUID id, Instant createdAt) {
    }

    static ParticipantView of(Participant participant, List<BinRange> ranges, List<SigningSecret> secrets) {
        return new ParticipantView(participant.code, participant.kind, participant.name, participant.webhookUrl,
                ranges.stream().map(r -> new BinRangeRequest(r.binFrom, r.binTo)).toList(),
                secrets.stream().map(s -> new SecretView(s.id, s.createdAt)).toList(), participant.updatedAt);
    }
}

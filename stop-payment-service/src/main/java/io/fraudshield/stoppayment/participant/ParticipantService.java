package io.fraudshield.stoppayment.participant;

import io.fraudshield.common.audit.AuditEntry;
import io.fraudshield.common.audit.AuditTrail;
import io.fraudshield.common.caller.Caller;
import io.fraudshield.common.identifier.ParticipantCode;
import io.fraudshield.common.problem.ProblemException;
import io.fraudshield.stoppayment.rules.StopPaymentConfig;
import io.fraudshield.stoppayment.sealing.Sealer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The participant registry (admin): codes, kinds, BIN ranges, webhook URL and up to two signing secrets.
 * Orders go only to participants registered here, and webhooks only to the URL registered here.
 */
@ApplicationScoped
public class ParticipantService {

    private static final int ACTIVE_SECRETS = 2;
    private static final String LEGAL_BASIS = "docs/rules.md A6 (participant registry)";

    private final ParticipantRepository participants;
    private final Sealer sealer;
    private final AuditTrail audit;
    private final StopPaymentConfig config;

    public ParticipantService(ParticipantRepository participants, Sealer sealer, AuditTrail audit, StopPaymentConfig config) {
        this.participants = participants;
        this.sealer = sealer;
        this.audit = audit;
        this.config = config;
    }

    /** @return the view and whether the participant was new */
    @Transactional(Transactional.TxType.MANDATORY)
    public Registered register(Caller admin, ParticipantCode code, ParticipantRequest request) {
        String webhookUrl = checkedWebhookUrl(request.webhookUrl());
        List<BinRangeRequest> ranges = request.binRanges() == null ? List.of() : request.binRanges();
        for (int i = 0; i < ranges.size(); i++) {
            if (ranges.get(i).from().compareTo(ranges.get(i).to()) > 0) {
                throw ProblemException.invalidField("$.binRanges[" + i + "]", "from must not be above to");
            }
        }
        if (!ranges.isEmpty() && !request.kind().receivesOrders()) {
            throw ProblemException.invalidField("$.binRanges", "only banks and payment institutions have BIN ranges");
        }
        Instant now = Instant.now();
        Optional<Participant> existing = participants.lock(code.value());
        ParticipantView before = existing.map(this::view).orElse(null);
        Participant participant = existing.orElseGet(() -> {
            Participant created = new Participant();
            created.code = code.value();
            created.createdAt = now;
            return created;
        });
        participant.kind = request.kind();
        participant.name = request.name();
        participant.webhookUrl = webhookUrl;
        participant.updatedAt = now;
        if (existing.isEmpty()) {
            participants.persist(participant);
        }
        participants.replaceBinRanges(participant.code, ranges.stream().map(range -> {
            BinRange row = new BinRange();
            row.id = UUID.randomUUID();
            row.participant = participant.code;
            row.binFrom = range.from();
            row.binTo = range.to();
            return row;
        }).toList());
        participants.flush();
        ParticipantView after = view(participant);
        audit.append(admin, new AuditEntry(existing.isEmpty() ? "participant.registered" : "participant.updated",
                LEGAL_BASIS, "participant", participant.code, before, after));
        return new Registered(after, existing.isEmpty());
    }

    public record Registered(ParticipantView view, boolean created) {
    }

    /** Adds a secret; with two active already, the older one is retired in the same step (rotation). */
    @Transactional
    public ParticipantView addSigningSecret(Caller admin, ParticipantCode code, SigningSecretRequest request) {
        Participant participant = participants.lock(code.value()).orElseThrow(() -> ProblemException.notFound("Participant " + code));
        List<SigningSecret> active = participants.activeSecrets(participant.code);
        Instant now = Instant.now();
        for (int i = 0; i <= active.size() - ACTIVE_SECRETS; i++) {
            active.get(i).retiredAt = now;
        }
        SigningSecret secret = new SigningSecret();
        secret.id = UUID.randomUUID();
        secret.participant = participant.code;
        secret.sealed = sealer.seal(secretContext(secret), request.secret());
        secret.createdAt = now;
        participants.persistSecret(secret);
        participants.flush();
        ParticipantView after = view(participant);
        audit.append(admin, new AuditEntry("participant.signing-secret.added", LEGAL_BASIS, "participant",
                participant.code, null, after));
        return after;
    }

    @Transactional
    public ParticipantView retireSigningSecret(Caller admin, ParticipantCode code, UUID secretId) {
        Participant participant = participants.lock(code.value()).orElseThrow(() -> ProblemException.notFound("Participant " + code));
        SigningSecret secret = participants.secret(participant.code, secretId).filter(s -> s.retiredAt == null)
                .orElseThrow(() -> ProblemException.notFound("Active signing secret " + secretId));
        secret.retiredAt = Instant.now();
        participants.flush();
        ParticipantView after = view(participant);
        audit.append(admin, new AuditEntry("participant.signing-secret.retired", LEGAL_BASIS, "participant",
                participant.code, null, after));
        return after;
    }

    @Transactional
    public ParticipantView find(ParticipantCode code) {
        return participants.findByIdOptional(code.value()).map(this::view)
                .orElseThrow(() -> ProblemException.notFound("Participant " + code));
    }

    @Transactional
    public List<ParticipantView> list() {
        return participants.listAll(io.quarkus.panache.common.Sort.by("code")).stream().map(this::view).toList();
    }

    /** A participant that may receive orders, or empty. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Participant> receiver(String code) {
        return participants.findByIdOptional(code).filter(p -> p.kind.receivesOrders());
    }

    /** The bank whose BIN range holds this number's first 6 digits. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> ownerOfBin(String accountNumber) {
        return accountNumber.length() < 6 ? Optional.empty() : participants.ownerOfBin(accountNumber.substring(0, 6));
    }

    /** Where and how to push to a participant now: its registered URL and its active secrets, opened. */
    @Transactional
    public Optional<WebhookTarget> webhookTarget(String code) {
        return participants.findByIdOptional(code).filter(p -> p.webhookUrl != null)
                .map(p -> new WebhookTarget(URI.create(p.webhookUrl),
                        participants.activeSecrets(code).stream().map(s -> sealer.open(secretContext(s), s.sealed)).toList()));
    }

    private static String secretContext(SigningSecret secret) {
        return "signing-secret/" + secret.participant + "/" + secret.id;
    }

    private ParticipantView view(Participant participant) {
        return ParticipantView.of(participant, participants.binRanges(participant.code),
                participants.activeSecrets(participant.code));
    }

    private String checkedWebhookUrl(String raw) {
        if (raw == null) {
            return null;
        }
        try {
            URI uri = new URI(raw);
            boolean https = "https".equals(uri.getScheme());
            boolean plainAllowed = "http".equals(uri.getScheme()) && config.webhooks().allowPlainHttp();
            if (!(https || plainAllowed) || uri.getHost() == null || uri.getUserInfo() != null || uri.getFragment() != null) {
                throw ProblemException.invalidField("$.webhookUrl", "must be an absolute https URL without credentials");
            }
            return uri.toString();
        } catch (URISyntaxException e) {
            throw ProblemException.invalidField("$.webhookUrl", "must be an absolute https URL without credentials");
        }
    }
}

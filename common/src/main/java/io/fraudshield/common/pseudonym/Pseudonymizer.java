package io.fraudshield.common.pseudonym;

import io.fraudshield.common.identifier.AccountNumber;
import io.fraudshield.common.identifier.CardNumber;
import io.fraudshield.common.identifier.ParticipantCode;
import io.fraudshield.common.identifier.PersonDocument;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

/**
 * Turns identity documents and card numbers into keyed references: the only form we store or log.
 * Built at start-up, so a missing or short key stops the service instead of failing its first request.
 */
@Startup
@ApplicationScoped
public class Pseudonymizer {

    private final List<KeyedHash> keys;
    private final KeyedHash active;

    public Pseudonymizer(PseudonymConfig config) {
        List<KeyedHash> configured = config.keys().entrySet().stream()
                .map(entry -> new KeyedHash(entry.getKey(), Base64.getDecoder().decode(entry.getValue())))
                .toList();
        this.active = configured.stream().filter(key -> key.keyId().equals(config.activeKeyId())).findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "fraudshield.pseudonym.active-key-id names no key in fraudshield.pseudonym.keys"));
        // the active key first: the first of a value's references under all keys is the one new rows store
        this.keys = Stream.concat(Stream.of(active), configured.stream().filter(key -> key != active)).toList();
    }

    /** customerRef: HMAC over document type and identity key (number; issuing state too for passports). */
    public String customerRef(PersonDocument document) {
        return active.ref(document.type().name(), document.identityKey());
    }

    /** cardRef: HMAC over the canonical card number. */
    public String cardRef(CardNumber card) {
        return active.ref("CARD", card.canonicalNumber());
    }

    /** accountRef: HMAC over the bank's participant code and the canonical account (or card) number. */
    public String accountRef(ParticipantCode bank, AccountNumber account) {
        return active.ref("ACCOUNT", bank.value() + "/" + account.canonicalNumber());
    }

    /**
     * The card's references under every configured key, the active key's first (the {@link #cardRef}): uniqueness
     * must hold across a key rotation.
     */
    public List<String> cardRefsUnderAllKeys(CardNumber card) {
        return keys.stream().map(key -> key.ref("CARD", card.canonicalNumber())).toList();
    }

    /**
     * A keyed digest of any text that may hold personal data (a request body with a card number, say): an
     * unkeyed hash of such text can be reversed by trying every possible number.
     */
    public String digest(String domain, String text) {
        return active.ref(domain, text);
    }

    /** Whether {@code digest} is the digest of {@code text} under whichever configured key made it. */
    public boolean matches(String digest, String domain, String text) {
        return keys.stream().filter(key -> digest.startsWith(key.keyId() + "."))
                .anyMatch(key -> MessageDigest.isEqual(
                        key.ref(domain, text).getBytes(StandardCharsets.US_ASCII),
                        digest.getBytes(StandardCharsets.US_ASCII)));
    }

    /**
     * The customer's references under every configured key, for look-ups while keys rotate; the active key's first
     * (the {@link #customerRef}).
     */
    public List<String> customerRefsUnderAllKeys(PersonDocument document) {
        return keys.stream().map(key -> key.ref(document.type().name(), document.identityKey())).toList();
    }
}

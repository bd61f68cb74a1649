package io.fraudshield.common.identifier;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.regex.Pattern;

/**
 * A person's identity document in canonical form. Built only through {@link #of}, so a
 * {@code PersonDocument} is always valid and normalised. {@link #toString()} is masked: the number never
 * reaches a log line by accident.
 */
@Schema(description = "An identity document. The number is normalised (NFKC, trimmed, upper case) and checked; "
        + "it is never stored or echoed in the clear.")
public final class PersonDocument {

    @Schema(required = true)
    @JsonProperty("type")
    private final DocumentType type;
    @JsonProperty("number")
    @Schema(required = true, description = "Document number, e.g. an 18-character resident ID", example = "11010519491231002X")
    private final String number;
    @JsonProperty("issuingCountry")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "Passports only, and required for them: the issuing state (ISO 3166-1 alpha-3, e.g. USA). "
            + "Two states may issue the same passport number to two people.", example = "USA", pattern = "^[A-Z]{3}$")
    private final String issuingCountry;

    private PersonDocument(DocumentType type, String number, String issuingCountry) {
        this.type = type;
        this.number = number;
        this.issuingCountry = issuingCountry;
    }

    public static PersonDocument of(DocumentType type, String number) {
        return of(type, number, null);
    }

    @JsonCreator
    public static PersonDocument of(@JsonProperty("type") DocumentType type, @JsonProperty("number") String number,
                                    @JsonProperty("issuingCountry") String issuingCountry) {
        if (type == null) {
            throw new InvalidIdentifierException("document type is missing");
        }
        if (type != DocumentType.PASSPORT) {
            if (issuingCountry != null) {
                throw new InvalidIdentifierException("issuingCountry applies to passports only");
            }
            return new PersonDocument(type, type.canonical(number), null);
        }
        String country = Normalizer.normalize(issuingCountry, "passport issuing country");
        if (!COUNTRY.matcher(country).matches()) {
            throw new InvalidIdentifierException("passport issuing country must be an ISO 3166-1 alpha-3 code");
        }
        return new PersonDocument(type, type.canonical(number), country);
    }

    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{3}");

    public DocumentType type() {
        return type;
    }

    /** The canonical number: for hashing only, never for storage, logs or responses. */
    public String canonicalNumber() {
        return number;
    }

    /**
     * What identifies the holder within the document type: the canonical number, and for a passport the
     * issuing state with it. For hashing only.
     */
    public String identityKey() {
        return issuingCountry == null ? number : issuingCountry + "/" + number;
    }

    /** What a human may see: first 6 and last 4 characters of long numbers, less of short ones. */
    public String masked() {
        return Masking.mask(number, number.length() >= 14 ? 6 : 1, number.length() >= 14 ? 4 : 2);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PersonDocument that && type == that.type && identityKey().equals(that.identityKey());
    }

    @Override
    public int hashCode() {
        return type.hashCode() * 31 + identityKey().hashCode();
    }

    @Override
    public String toString() {
        return type + ":" + (issuingCountry == null ? "" : issuingCountry + "/") + masked();
    }
}

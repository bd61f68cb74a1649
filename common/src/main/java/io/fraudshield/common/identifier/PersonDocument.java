package io.fraudshield.common.identifier;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

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

    private PersonDocument(DocumentType type, String number) {
        this.type = type;
        this.number = number;
    }

    @JsonCreator
    public static PersonDocument of(@JsonProperty("type") DocumentType type, @JsonProperty("number") String number) {
        if (type == null) {
            throw new InvalidIdentifierException("document type is missing");
        }
        return new PersonDocument(type, type.canonical(number));
    }

    public DocumentType type() {
        return type;
    }

    /** The canonical number: for hashing only, never for storage, logs or responses. */
    public String canonicalNumber() {
        return number;
    }

    /** What a human may see: first 6 and last 4 characters of long numbers, less of short ones. */
    public String masked() {
        return Masking.mask(number, number.length() >= 14 ? 6 : 1, number.length() >= 14 ? 4 : 2);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PersonDocument that && type == that.type && number.equals(that.number);
    }

    @Override
    public int hashCode() {
        return type.hashCode() * 31 + number.hashCode();
    }

    @Override
    public String toString() {
        return type + ":" + masked();
    }
}

package io.fraudshield.accountrisk.marker;

/** The form of a customerRef: a pseudonym key id, a dot, and a base64url HMAC-SHA256 (common's KeyedHash). */
public final class CustomerRefs {

    public static final String FORM = "[a-z0-9]{1,16}\\.[A-Za-z0-9_-]{43}";

    private CustomerRefs() {
    }
}

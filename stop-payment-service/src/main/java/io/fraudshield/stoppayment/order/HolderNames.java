package io.fraudshield.stoppayment.order;

import java.text.Normalizer;
import java.util.Locale;

/** One spelling per name before it is digested: NFKC, single spaces, upper case ("Zhang  San" = "ZHANG SAN"). */
public final class HolderNames {

    public static final String DIGEST_DOMAIN = "HOLDER";

    private HolderNames() {
    }

    public static String canonical(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFKC).strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
    }
}

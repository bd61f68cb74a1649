package io.fraudshield.common.identifier;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link Normalizer#normalize} returns printable ASCII without lower case as it is, without the NFKC normaliser,
 * and {@link ParticipantCode} checks its form without a regular expression. On 300,000 random strings — ASCII
 * digits of every length around the limits, repeated digits, and digits mixed with full-width and superscript
 * digits, spaces, invisible characters and letters of both cases — each gives the same value or the same
 * refusal as the code it replaced (kept here as {@link #fullNormalize}, {@link #reference} and {@link #FORM}).
 */
class ShortPathEquivalenceTest {

    private static final java.util.regex.Pattern FORM = java.util.regex.Pattern.compile("[A-Z0-9]{3,14}");

    private static final String[] OTHERS = {"０", "９", "５", "²", "①", "٣", " ", "\u3000", "\t", "\u200B", "\uFEFF",
            "a", "Z", "-", "ａ", "\u00A0", "\u2028", "𝟘", "\uD800", "b", "Q", "ß", "ﬁ", "ı", "~", "\u007F"};

    @Test
    void plainDigitsTakeTheShortPathWithTheSameAnswersAsTheFullNormalisation() {
        Random random = new Random(20261201);
        for (int i = 0; i < 300_000; i++) {
            String raw = sample(random);
            assertEquals(outcome(() -> fullNormalize(raw)), outcome(() -> Normalizer.normalize(raw, "number")), () -> "for " + raw);
            boolean formerForm = raw != null && FORM.matcher(raw).matches();
            assertEquals(formerForm, outcome(() -> new ParticipantCode(raw).value()).startsWith("value"), () -> "for " + raw);
            for (int[] limits : new int[][]{{8, 32}, {12, 19}}) {
                assertEquals(reference(raw, limits[0], limits[1]), outcome(() -> Normalizer.digits(raw, "number",
                        limits[0], limits[1])), () -> "for " + raw.codePoints().mapToObj(Integer::toHexString).toList());
            }
        }
    }

    private static String sample(Random random) {
        int length = random.nextInt(36);
        StringBuilder value = new StringBuilder();
        char repeated = (char) ('0' + random.nextInt(10));
        int kind = random.nextInt(5);
        if (kind == 4 && random.nextBoolean()) {
            value.append(' ');
        }
        for (int i = 0; i < length; i++) {
            if (kind == 4) {
                int digit = random.nextInt(10);
                value.append(random.nextBoolean() ? (char) ('0' + digit) : (char) ('０' + digit));
            } else if (kind == 0 || (kind == 1 && random.nextInt(20) > 0)) {
                value.append((char) ('0' + random.nextInt(10)));
            } else if (kind == 2) {
                value.append(random.nextInt(30) == 0 ? (char) ('0' + random.nextInt(10)) : repeated);
            } else {
                value.append(random.nextInt(3) == 0 ? OTHERS[random.nextInt(OTHERS.length)] : (char) ('0' + random.nextInt(10)));
            }
        }
        return value.toString();
    }

    private static String outcome(java.util.function.Supplier<String> digits) {
        try {
            return "value " + digits.get();
        } catch (InvalidIdentifierException e) {
            return "refused " + e.getMessage();
        }
    }

    /** Normalizer.digits as it was before the short path. */
    private static String reference(String raw, int min, int max) {
        return outcome(() -> {
            String value = fullNormalize(raw);
            if (value.length() < min || value.length() > max || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new InvalidIdentifierException("number must be " + min + " to " + max + " digits");
            }
            if (value.chars().distinct().count() == 1) {
                throw new InvalidIdentifierException("number must not be a single repeated digit");
            }
            return value;
        });
    }

    /** Normalizer.normalize as it was before the short path. */
    private static String fullNormalize(String raw) {
        String value = java.text.Normalizer.normalize(raw, java.text.Normalizer.Form.NFKC).strip().toUpperCase(java.util.Locale.ROOT);
        if (value.isEmpty()) {
            throw new InvalidIdentifierException("number is empty");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c > 0x7E || c < 0x21) {
                throw new InvalidIdentifierException("number contains a character that is not a printable ASCII letter or digit");
            }
        }
        return value;
    }

    @Test
    void theSampleCoversBothPathsAndBothRefusals() {
        Random random = new Random(20261201);
        long[] seen = new long[4];
        IntStream.range(0, 20_000).mapToObj(i -> sample(random)).forEach(raw -> {
            String answer = reference(raw, 8, 32);
            boolean plain = !raw.isEmpty() && raw.chars().allMatch(c -> c >= '0' && c <= '9');
            seen[plain ? (answer.startsWith("value") ? 0 : 1) : (answer.startsWith("value") ? 2 : 3)]++;
        });
        for (long count : seen) {
            assertEquals(true, count > 100, "plain accepted, plain refused, normalised accepted, refused: "
                    + java.util.Arrays.toString(seen));
        }
    }
}

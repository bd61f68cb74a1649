package io.fraudshield.localstack;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

/** Valid, made-up resident IDs and card numbers, different on every call: for tests and benchmarks. */
public final class TestPeople {

    private static final AtomicInteger NEXT = new AtomicInteger((int) (System.nanoTime() % 100_000));
    private static final String[] REGIONS = {"110105", "310104", "440305", "330106", "510107", "420111"};
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

    private TestPeople() {
    }

    public static String residentId() {
        int n = NEXT.incrementAndGet();
        LocalDate birth = LocalDate.of(1925, 1, 1).plusDays(n / 1000 % 36_500);
        String region = REGIONS[n / 36_500_000 % REGIONS.length];
        String first17 = region + birth.toString().replace("-", "") + String.format("%03d", n % 1000);
        return first17 + "10X98765432".charAt(checkSum(first17) % 11);
    }

    /** A resident ID whose check character is X, to test lower-case x. */
    public static String residentIdEndingInX() {
        String id = residentId();
        while (!id.endsWith("X")) {
            id = residentId();
        }
        return id;
    }

    /** The same number in full-width digits (what some input methods send). */
    public static String fullWidth(String number) {
        StringBuilder wide = new StringBuilder();
        number.chars().forEach(c -> wide.append(Character.isDigit(c) ? (char) (c - '0' + '０') : (char) c));
        return wide.toString();
    }

    public static String cardNumber() {
        String body = "622202" + String.format("%09d", NEXT.incrementAndGet() * 7L % 1_000_000_000L);
        return body + luhnDigit(body);
    }

    public static String document(String number) {
        return "{\"type\":\"RESIDENT_ID\",\"number\":\"" + number + "\"}";
    }

    private static int checkSum(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return sum;
    }

    private static int luhnDigit(String body) {
        int sum = 0;
        boolean doubled = true;
        for (int i = body.length() - 1; i >= 0; i--) {
            int d = body.charAt(i) - '0';
            if (doubled) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
            doubled = !doubled;
        }
        return (10 - sum % 10) % 10;
    }
}

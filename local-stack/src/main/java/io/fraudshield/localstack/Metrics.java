package io.fraudshield.localstack;

import static io.restassured.RestAssured.given;

/** Reads a running test service's {@code /q/metrics} (Prometheus text): the sum of one metric's matching series. */
public final class Metrics {

    private Metrics() {
    }

    public static String scrape() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The sum over series of {@code name} whose labels contain every fragment (e.g. {@code outcome="DENY"}); 0 if none. */
    public static double sum(String name, String... labelFragments) {
        double sum = 0;
        for (String line : scrape().split("\n")) {
            if (!line.startsWith(name + "{")) {
                continue;
            }
            // name{labels} value [# {exemplar labels} value timestamp]: the exemplar (a trace id) is not the value
            int labelsEnd = line.indexOf("} ", name.length()) + 1;
            String labels = line.substring(name.length(), labelsEnd);
            boolean matches = true;
            for (String fragment : labelFragments) {
                matches &= labels.contains(fragment);
            }
            if (matches) {
                sum += Double.parseDouble(line.substring(labelsEnd + 1).split(" ")[0]);
            }
        }
        return sum;
    }
}

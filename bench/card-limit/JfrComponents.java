import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Summarises a JFR recording's CPU samples (jdk.ExecutionSample) by component: each sample goes to the innermost
 * frame that belongs to a known component (so a HashMap look-up inside Hibernate counts as Hibernate), else
 * "other". Prints a markdown table for bench/card-limit/RESULTS.md.
 *
 *   java bench/card-limit/JfrComponents.java recording.jfr [FROM_MS TO_MS]
 *
 * With FROM_MS TO_MS (epoch milliseconds: CardLimitBench prints the window of its measured pairs), only the samples
 * taken in that window count: start-up, warm-up and the 401 ceiling's run (whose exceptions the tracer renders) stay
 * out of the write path's profile.
 */
public class JfrComponents {

    /** Component, then the class-name prefixes that belong to it; first match wins within a frame. */
    static final Map<String, List<String>> COMPONENTS = new LinkedHashMap<>();

    static {
        COMPONENTS.put("REST client (account-risk look-up)", List.of("org.jboss.resteasy.reactive.client.",
                "io.quarkus.rest.client.", "io.quarkus.restclient.", "org.eclipse.microprofile.rest.client.",
                "io.smallrye.faulttolerance.", "io.fraudshield.cardlimit.restriction."));
        COMPONENTS.put("Hibernate", List.of("org.hibernate.", "io.quarkus.hibernate.", "net.bytebuddy."));
        COMPONENTS.put("Narayana/JTA", List.of("com.arjuna.", "io.narayana.", "io.quarkus.narayana.",
                "jakarta.transaction.", "org.jboss.tm."));
        COMPONENTS.put("JDBC (PostgreSQL driver, Agroal)", List.of("org.postgresql.", "io.agroal."));
        COMPONENTS.put("Jackson", List.of("com.fasterxml.jackson."));
        COMPONENTS.put("security/JWT", List.of("io.smallrye.jwt.", "org.jose4j.", "io.quarkus.security.",
                "io.quarkus.smallrye.jwt.", "io.fraudshield.common.caller.", "io.quarkus.vertx.http.runtime.security."));
        COMPONENTS.put("audit/HMAC/pseudonyms", List.of("io.fraudshield.common.audit.", "io.fraudshield.common.pseudonym.",
                "io.fraudshield.common.digest.", "javax.crypto.", "com.sun.crypto.", "sun.security."));
        COMPONENTS.put("RESTEasy Reactive", List.of("org.jboss.resteasy.", "io.quarkus.resteasy."));
        COMPONENTS.put("Vert.x/Netty", List.of("io.vertx.", "io.netty.", "io.quarkus.vertx."));
        COMPONENTS.put("ArC (CDI)", List.of("io.quarkus.arc.", "io.quarkus.runtime."));
        COMPONENTS.put("logging", List.of("org.jboss.logging.", "org.jboss.logmanager.", "io.quarkus.bootstrap.logging."));
        COMPONENTS.put("validation", List.of("org.hibernate.validator.", "io.quarkus.hibernate.validator."));
        COMPONENTS.put("context propagation/Mutiny", List.of("io.smallrye.context.", "io.smallrye.mutiny.",
                "io.quarkus.smallrye.context."));
        COMPONENTS.put("FraudShield code", List.of("io.fraudshield."));
    }

    public static void main(String[] args) throws Exception {
        Map<String, Integer> counts = new LinkedHashMap<>();
        COMPONENTS.keySet().forEach(c -> counts.put(c, 0));
        counts.put("other (JDK, JVM)", 0);
        int total = 0;
        long from = args.length > 2 ? Long.parseLong(args[1]) : Long.MIN_VALUE;
        long to = args.length > 2 ? Long.parseLong(args[2]) : Long.MAX_VALUE;
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            long at = event.getStartTime().toEpochMilli();
            if (at < from || at > to) {
                continue;
            }
            total++;
            counts.merge(componentOf(event.getStackTrace().getFrames()), 1, Integer::sum);
        }
        System.out.printf("| component | CPU samples | share |%n|---|---:|---:|%n");
        for (var entry : counts.entrySet()) {
            if (entry.getValue() > 0) {
                System.out.printf("| %s | %d | %.1f %% |%n", entry.getKey(), entry.getValue(), 100.0 * entry.getValue() / total);
            }
        }
        System.out.printf("| **all** | %d | 100 %% |%n", total);
    }

    static String componentOf(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            if (!frame.isJavaFrame()) {
                continue;
            }
            String type = frame.getMethod().getType().getName();
            // validator before Hibernate ORM: same org.hibernate. root
            if (type.startsWith("org.hibernate.validator.")) {
                return "validation";
            }
            for (var component : COMPONENTS.entrySet()) {
                for (String prefix : component.getValue()) {
                    if (type.startsWith(prefix)) {
                        return component.getKey();
                    }
                }
            }
        }
        return "other (JDK, JVM)";
    }
}

package io.fraudshield.cardlimit;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.StubImport;
import com.github.tomakehurst.wiremock.http.Fault;
import org.eclipse.microprofile.config.ConfigProvider;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * account-risk-service's change feed ({@code GET /v1/marker-events?after=&limit=}) in the WireMock stub, written by
 * the test: every entry it appends is served, gap-free and in order, on the pages a reader asking with the
 * configured page size gets, with {@code next} and {@code head} as account-risk-service computes them. The test can
 * also make the feed fail, answer a fixed body, or lose its tail.
 */
public final class FeedStub {

    private static final UUID OVERRIDE = UUID.fromString("00000000-0000-0000-0000-00000000feed");
    private static String server;
    private static final List<String> entries = new ArrayList<>();

    private FeedStub() {
    }

    /** Lists the person with NO_NEW_ACCOUNTS and NON_COUNTER_SUSPENDED ending at these instants; the listing's id. */
    public static synchronized UUID restricted(String customerRef, Instant noNewAccountsUntil, Instant nonCounterUntil) {
        UUID id = UUID.randomUUID();
        append(restriction(id, customerRef, "RESTRICTED", "[{\"measure\":\"NO_NEW_ACCOUNTS\",\"validUntil\":\""
                + noNewAccountsUntil + "\"},{\"measure\":\"NON_COUNTER_SUSPENDED\",\"validUntil\":\"" + nonCounterUntil + "\"}]"));
        return id;
    }

    /** A listing as account-risk-service recorded it before the feed carried measures. */
    public static synchronized UUID restrictedWithoutMeasures(String customerRef) {
        UUID id = UUID.randomUUID();
        append(restriction(id, customerRef, "RESTRICTED", null));
        return id;
    }

    public static synchronized void lifted(String customerRef, UUID listing) {
        append(restriction(listing, customerRef, "LIFTED", "[]"));
    }

    /** An account marker: on the feed, but nothing a person's opening depends on. */
    public static synchronized void accountMarker() {
        int seq = entries.size() + 1;
        entries.add("{\"seq\":" + seq + ",\"objectType\":\"MARKER\",\"objectId\":\"" + UUID.randomUUID()
                + "\",\"subjectType\":\"ACCOUNT\",\"subjectRef\":\"dev1.account" + seq + "\",\"change\":\"CREATED\","
                + "\"category\":\"HIGH_RISK\",\"level\":\"GREY\",\"occurredAt\":\"" + Instant.now() + "\"}");
        publishFrom(seq);
    }

    /** The JSON of a restriction entry as it would sit at {@code seq}, for tests that hand-craft pages. */
    public static String restriction(long seq, UUID id, String customerRef, String change) {
        return "{\"seq\":" + seq + restrictionFields(id, customerRef, change, "[{\"measure\":\"NO_NEW_ACCOUNTS\","
                + "\"validUntil\":\"" + Instant.now().plusSeconds(86_400) + "\"}]") + "}";
    }

    /** The entry at {@code seq} as served (for garbage pages that must still start with the reader's last entry). */
    public static synchronized String entry(long seq) {
        return entries.get((int) seq - 1);
    }

    public static synchronized long head() {
        ensureServer();
        return entries.size();
    }

    /** The feed loses every entry after {@code seq} (a restored database): a reader that saw more must notice. */
    public static synchronized void truncateTo(long seq) {
        int oldHead = entries.size();
        entries.subList((int) seq, oldHead).clear();
        for (int after = Math.max(0, (int) seq - pageSize()); after <= oldHead; after++) {
            publishPage(after);
        }
    }

    /** Every feed request fails at the connection until {@link #restore()}. */
    public static void unavailable() {
        put(get(urlPathEqualTo("/v1/marker-events")).atPriority(1).withId(OVERRIDE)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    }

    /** Every feed request gets this 200 body until {@link #restore()}. */
    public static void answering(String body) {
        put(get(urlPathEqualTo("/v1/marker-events")).atPriority(1).withId(OVERRIDE)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body)));
    }

    public static void restore() {
        wireMock().removeStubMapping(get(urlPathEqualTo("/v1/marker-events")).withId(OVERRIDE).build());
    }

    private static String restriction(UUID id, String customerRef, String change, String measures) {
        return "{\"seq\":" + (entries.size() + 1) + restrictionFields(id, customerRef, change, measures) + "}";
    }

    private static String restrictionFields(UUID id, String customerRef, String change, String measures) {
        return ",\"objectType\":\"RESTRICTION\",\"objectId\":\"" + id + "\",\"subjectType\":\"PERSON\",\"subjectRef\":\""
                + customerRef + "\",\"change\":\"" + change + "\",\"category\":\"PUNISHED_PERSON\",\"level\":\"BLACK\","
                + "\"occurredAt\":\"" + Instant.now() + "\",\"futureField\":1" + (measures == null ? "" : ",\"measures\":" + measures);
    }

    private static void append(String entry) {
        ensureServer();
        entries.add(entry);
        publishFrom(entries.size());
    }

    /** Entry {@code seq} appears on every page that starts less than a page before it, and a page after it. */
    private static void publishFrom(int seq) {
        for (int after = Math.max(0, seq - pageSize()); after <= seq; after++) {
            publishPage(after);
        }
    }

    private static void publishPage(int after) {
        int head = entries.size();
        int to = Math.min(head, after + pageSize());
        List<String> page = after >= head ? List.of() : entries.subList(after, to);
        String body = "{\"events\":[" + String.join(",", page) + "],\"next\":" + (page.isEmpty() ? after : to)
                + ",\"head\":" + head + "}";
        put(get(urlPathEqualTo("/v1/marker-events")).atPriority(5)
                .withId(new UUID(0xfeedL, after))
                .withQueryParam("after", equalTo(String.valueOf(after)))
                .withQueryParam("limit", equalTo(String.valueOf(pageSize())))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body)));
    }

    /** Registers the mapping, replacing the one with the same id (a plain register refuses a taken id). */
    private static void put(MappingBuilder mapping) {
        wireMock().importStubMappings(StubImport.stubImport().stub(mapping).overwriteExisting()
                .doNotDeleteExistingStubs().build());
    }

    private static void ensureServer() {
        String url = ConfigProvider.getConfig().getValue("quarkus.rest-client.account-risk.url", String.class);
        if (!url.equals(server)) {
            server = url;
            entries.clear();
            publishPage(0);
        }
    }

    private static int pageSize() {
        return ConfigProvider.getConfig().getValue("cardlimit.restriction-mirror.page-size", Integer.class);
    }

    private static WireMock wireMock() {
        URI url = URI.create(ConfigProvider.getConfig().getValue("quarkus.rest-client.account-risk.url", String.class));
        return new WireMock(url.getHost(), url.getPort());
    }
}

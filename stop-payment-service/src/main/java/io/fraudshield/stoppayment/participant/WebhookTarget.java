package io.fraudshield.stoppayment.participant;

import java.net.URI;
import java.util.List;

/** A registered webhook URL with the active signing secrets, opened: never logged, never serialised. */
public record WebhookTarget(URI url, List<String> secrets) {

    @Override
    public String toString() {
        return "WebhookTarget[url=" + url + ", secrets=" + secrets.size() + "]";
    }
}

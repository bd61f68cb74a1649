package io.fraudshield.cardlimit.regulator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import io.fraudshield.cardlimit.rules.CardLimitConfig;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

import java.util.Optional;

/**
 * The service's own bearer token for calls no user is behind (the outbox relay). In production it is a
 * client-credentials token from the identity provider, mounted from a Secret ({@code CARDLIMIT_SERVICE_TOKEN}).
 */
@ApplicationScoped
public class ServiceTokenHeader implements ClientHeadersFactory {

    private final Optional<String> token;

    public ServiceTokenHeader(CardLimitConfig config) {
        this.token = config.serviceToken();
    }

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming,
                                                 MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        token.ifPresent(value -> headers.add("Authorization", "Bearer " + value));
        return headers;
    }
}

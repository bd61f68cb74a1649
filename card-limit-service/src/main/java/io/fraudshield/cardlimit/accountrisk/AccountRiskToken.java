package io.fraudshield.cardlimit.accountrisk;

import io.fraudshield.cardlimit.rules.CardLimitConfig;
import io.fraudshield.common.servicetoken.ServiceTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/**
 * card-limit-service's own short-lived token on every call to account-risk-service (its audience only), in
 * place of whatever the caller sent: a bank's token is for card-limit-service and must go no further.
 */
@ApplicationScoped
public class AccountRiskToken implements ClientHeadersFactory {

    private final ServiceTokens tokens;
    private final String audience;

    public AccountRiskToken(ServiceTokens tokens, CardLimitConfig config) {
        this.tokens = tokens;
        this.audience = config.accountRiskAudience();
    }

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming,
                                                 MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        headers.add(HttpHeaders.AUTHORIZATION, tokens.bearerFor(audience));
        return headers;
    }
}

package io.fraudshield.common.servicetoken;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.oidc.client.OidcClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;

/** Chooses the token source at start-up: the identity provider unless configured {@code local}. */
@ApplicationScoped
public class ServiceTokenSources {

    @Produces
    @ApplicationScoped
    ServiceTokenSource source(ServiceTokensConfig config, Instance<OidcClient> oidc, ObjectMapper json,
                              @ConfigProperty(name = "quarkus.application.name") String service) {
        return switch (config.issuer()) {
            case OIDC -> new OidcServiceTokenSource(oidc.get(), config, Clock.systemUTC());
            case LOCAL -> new LocalServiceTokenSource(config.local(), service, json, Clock.systemUTC());
        };
    }
}

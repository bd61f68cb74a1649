package io.fraudshield.stoppayment;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.math.BigDecimal;

/**
 * Amounts in responses (requested, stopped, missing…, which may be zero and so are not {@link
 * io.fraudshield.common.money.Money}) are written like Money: as decimal strings ("12000.00"), never as JSON
 * numbers a client might read into a double. The OpenAPI schema says the same (application.properties).
 */
@Singleton
public class AmountsAsText implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.configOverride(BigDecimal.class).setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING));
    }
}

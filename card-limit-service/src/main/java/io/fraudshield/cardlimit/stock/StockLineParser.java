package io.fraudshield.cardlimit.stock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.fraudshield.common.identifier.InvalidIdentifierException;
import io.fraudshield.common.problem.ControlCharacterException;
import io.fraudshield.common.pseudonym.Pseudonymizer;

/** Turns one NDJSON line into a pseudonymised row, or into the reason it was rejected. */
final class StockLineParser {

    private final ObjectReader reader;
    private final Pseudonymizer pseudonymizer;

    StockLineParser(ObjectReader reader, Pseudonymizer pseudonymizer) {
        this.reader = reader;
        this.pseudonymizer = pseudonymizer;
    }

    /** @return a {@link StockRow} or a {@link StockError} */
    Object parse(long lineNo, String text) {
        if (BoundedLineReader.TOO_LONG.equals(text)) {
            return new StockError(lineNo, "line too long");
        }
        StockLine line;
        try {
            line = reader.readValue(text);
        } catch (UnrecognizedPropertyException e) {
            return new StockError(lineNo, "unknown field " + e.getPropertyName());
        } catch (JsonMappingException e) {
            return new StockError(lineNo, describe(e));
        } catch (JsonProcessingException e) {
            return new StockError(lineNo, "not a JSON object");
        }
        if (line == null) {
            return new StockError(lineNo, "not a JSON object");
        }
        String missing = line.missingField();
        if (missing != null) {
            return new StockError(lineNo, missing + " is missing");
        }
        if (line.card() != null && !line.accountClass().mayHaveCard()) {
            return new StockError(lineNo, "card: a Class III account has no card");
        }
        String customerRef = pseudonymizer.customerRef(line.customer());
        String cardRef = pseudonymizer.cardRef(line.cardNumber());
        String agentRef = line.agent() == null ? null : pseudonymizer.customerRef(line.agent());
        return new StockRow(lineNo, customerRef, line.accountClass().name(),
                line.card() == null ? null : line.card().name(), line.state().slotState().name(), agentRef,
                cardRef, line.cardNumber().bin(), line.cardNumber().last4(),
                pseudonymizer.cardRefsUnderAllKeys(line.cardNumber()).stream().filter(ref -> !ref.equals(cardRef)).toList());
    }

    private static String describe(JsonMappingException e) {
        String field = e.getPath().isEmpty() ? "line" : e.getPath().get(0).getFieldName();
        Throwable cause = e.getCause();
        if (cause instanceof InvalidIdentifierException || cause instanceof ControlCharacterException) {
            return field + ": " + cause.getMessage();
        }
        return field + " has the wrong type or value";
    }
}

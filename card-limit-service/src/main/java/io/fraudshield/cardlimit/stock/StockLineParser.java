package io.fraudshield.cardlimit.stock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.fraudshield.common.identifier.InvalidIdentifierException;
import io.fraudshield.common.problem.ControlCharacterException;
import io.fraudshield.common.pseudonym.Pseudonymizer;

import java.util.List;
import java.util.stream.Stream;

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
        if (line.otherDocuments() != null && (line.otherDocuments().size() > StockLine.MAX_OTHER_DOCUMENTS
                || line.otherDocuments().contains(null))) {
            return new StockError(lineNo, "otherDocuments: at most " + StockLine.MAX_OTHER_DOCUMENTS + " documents, none null");
        }
        if (line.card() != null && !line.accountClass().mayHaveCard()) {
            return new StockError(lineNo, "card: a Class III account has no card");
        }
        // one HMAC per document and key: the first reference under all keys is the active key's
        List<String> customerRefs = pseudonymizer.customerRefsUnderAllKeys(line.customer());
        List<String> agentRefs = line.agent() == null ? List.of() : pseudonymizer.customerRefsUnderAllKeys(line.agent());
        List<String> cardRefs = pseudonymizer.cardRefsUnderAllKeys(line.cardNumber());
        List<String> documentRefs = line.otherDocuments() == null || line.otherDocuments().isEmpty() ? customerRefs
                : Stream.concat(customerRefs.stream(), line.otherDocuments().stream()
                        .flatMap(document -> pseudonymizer.customerRefsUnderAllKeys(document).stream())).distinct().toList();
        return new StockRow(lineNo, customerRefs.get(0), documentRefs, line.accountClass().name(),
                line.card() == null ? null : line.card().name(), line.state().slotState().name(),
                agentRefs.isEmpty() ? null : agentRefs.get(0), agentRefs, cardRefs.get(0), cardRefs,
                line.cardNumber().bin(), line.cardNumber().last4());
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

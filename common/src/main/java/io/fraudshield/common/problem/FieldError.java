package io.fraudshield.common.problem;

/** One invalid field: a JSON path into the request ({@code customer.number}, {@code accounts[3]}) and why. */
public record FieldError(String field, String message) {
}

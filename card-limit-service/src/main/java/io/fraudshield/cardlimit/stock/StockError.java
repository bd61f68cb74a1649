package io.fraudshield.cardlimit.stock;

/** A rejected line: its number and why, never its content (it may hold personal data). */
public record StockError(long line, String reason) {
}

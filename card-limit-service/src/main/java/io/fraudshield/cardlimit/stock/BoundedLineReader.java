package io.fraudshield.cardlimit.stock;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines of at most {@code maxChars}; a longer line is skipped to its end and reported, so one
 * malformed line can never take the memory of a whole upload.
 */
final class BoundedLineReader {

    /** What {@link #next()} returns for a line that was too long. */
    static final String TOO_LONG = "\u0000too-long";

    private final Reader in;
    private final int maxChars;
    private final char[] buffer = new char[64 * 1024];
    private int position;
    private int limit;
    private final StringBuilder line = new StringBuilder();

    BoundedLineReader(Reader in, int maxChars) {
        this.in = in;
        this.maxChars = maxChars;
    }

    /** The next line without its terminator, {@link #TOO_LONG}, or null at the end of the stream. */
    String next() throws IOException {
        line.setLength(0);
        boolean tooLong = false;
        boolean sawAny = false;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer, 0, buffer.length);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    return sawAny ? (tooLong ? TOO_LONG : line.toString()) : null;
                }
            }
            sawAny = true;
            char c = buffer[position++];
            if (c == '\n') {
                if (tooLong) {
                    return TOO_LONG;
                }
                int end = line.length();
                if (end > 0 && line.charAt(end - 1) == '\r') {
                    line.setLength(end - 1);
                }
                return line.toString();
            }
            if (!tooLong) {
                if (line.length() >= maxChars) {
                    tooLong = true;
                    line.setLength(0);
                } else {
                    line.append(c);
                }
            }
        }
    }
}

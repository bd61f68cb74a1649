package io.fraudshield.common.kernel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 written byte for byte, so a path reaches the server spelled exactly as an attacker would spell it
 * (clients normalise {@code ..} and {@code %2e}). Sends the head, then as much of the body as the server
 * takes, and returns the status code of the answer.
 */
final class RawHttp {

    private RawHttp() {
    }

    static int post(int port, String path, String authorization, String contentType, byte[] body, boolean chunked)
            throws IOException {
        return send("POST", port, path, authorization, contentType, body, chunked);
    }

    static int send(String method, int port, String path, String authorization, String contentType, byte[] body,
                    boolean chunked) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(20_000);
            String head = method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + authorization
                    + "\r\nIdempotency-Key: raw-" + System.nanoTime() + "\r\nContent-Type: " + contentType + "\r\n"
                    + (chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + body.length + "\r\n")
                    + "Connection: close\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            try {
                if (chunked) {
                    out.write((Integer.toHexString(body.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(body);
                    out.write("\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                } else {
                    out.write(body);
                }
                out.flush();
            } catch (IOException refusedMidway) {
                // the server answered and closed before taking the whole body: read what it said
            }
            return statusOf(socket.getInputStream());
        }
    }

    private static int statusOf(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b; (b = in.read()) != -1 && b != '\n'; ) {
            line.write(b);
        }
        String status = line.toString(StandardCharsets.US_ASCII);
        return Integer.parseInt(status.split(" ")[1]);
    }
}

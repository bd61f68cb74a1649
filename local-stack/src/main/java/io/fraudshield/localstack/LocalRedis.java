package io.fraudshield.localstack;

import redis.embedded.RedisServer;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/** A real redis-server from the embedded-redis jar on Maven Central: nothing to install. */
public final class LocalRedis implements AutoCloseable {

    private final RedisServer server;
    private final int port;

    private LocalRedis(RedisServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /**
     * @param port    0 for any free port
     * @param dataDir null for memory only; otherwise an append-only file is kept there across restarts
     */
    public static LocalRedis start(int port, Path dataDir) throws IOException {
        int chosen = port > 0 ? port : freePort();
        var builder = RedisServer.newRedisServer().port(chosen).bind("127.0.0.1");
        if (dataDir != null) {
            Files.createDirectories(dataDir);
            builder.setting("dir " + dataDir.toAbsolutePath()).setting("appendonly yes");
        } else {
            builder.setting("save \"\"").setting("appendonly no");
        }
        RedisServer server = builder.build();
        server.start();
        return new LocalRedis(server, chosen);
    }

    public int port() {
        return port;
    }

    public String uri() {
        return "redis://localhost:" + port;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Stops the server, keeping its port, so a test can see how a service copes without Redis. */
    public void stop() throws IOException {
        server.stop();
    }

    /** Starts a stopped server again on the same port. */
    public void start() throws IOException {
        server.start();
    }

    @Override
    public void close() throws IOException {
        server.stop();
    }
}

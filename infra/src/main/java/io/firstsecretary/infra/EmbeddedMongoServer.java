package io.firstsecretary.infra;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A Mongo-wire server (mongo-java-server) backed by an H2 MVStore file, or by memory when no file is
 * given. It speaks the MongoDB protocol to the ordinary driver but has no transactions, no change
 * streams and no {@code hello} command.
 */
public final class EmbeddedMongoServer implements AutoCloseable {

    private final MongoServer server;
    private final String connectionString;

    static final Duration SCAN_RETENTION = Duration.ofMinutes(15);

    private EmbeddedMongoServer(MongoServer server, String connectionString) {
        this.server = server;
        this.connectionString = connectionString;
    }

    /** Starts a server storing its data in {@code file}, or in memory when {@code file} is null. */
    public static EmbeddedMongoServer start(Path file, int port) {
        H2Backend backend;
        if (file == null) {
            backend = H2Backend.inMemory();
        } else {
            try {
                Files.createDirectories(file.toAbsolutePath().getParent());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            backend = new H2Backend(file.toAbsolutePath().toString());
            // A scan of a large collection reads one version of the file while writes go on; chunks
            // older than the retention time may be reused under it ("Chunk … not found"), so old
            // chunks are kept far longer than any scan takes (the default is 45 s).
            backend.getMvStore().setRetentionTime((int) SCAN_RETENTION.toMillis());
        }
        var server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
        return new EmbeddedMongoServer(server, "mongodb://127.0.0.1:" + port);
    }

    /** The connection string without a database, e.g. {@code mongodb://127.0.0.1:27017}. */
    public String connectionString() {
        return connectionString;
    }

    @Override
    public void close() {
        server.shutdown();
    }
}

package io.firstsecretary.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The embedded broker and store together. {@link #shared()} gives tests one runtime per JVM on
 * free ports and fresh temporary directories, stopped when the JVM exits.
 */
public final class EmbeddedRuntime implements AutoCloseable {

    private static EmbeddedRuntime shared;

    private final EmbeddedMongoServer mongo;
    private final EmbeddedKafkaBroker kafka;
    private final Path temporaryKafkaDir;

    private EmbeddedRuntime(EmbeddedMongoServer mongo, EmbeddedKafkaBroker kafka, Path temporaryKafkaDir) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.temporaryKafkaDir = temporaryKafkaDir;
    }

    /**
     * Starts the store and the broker. With a {@code dataDir} their data lives in {@code
     * dataDir/mongo} and {@code dataDir/kafka}; without one the store keeps its data in memory and
     * the broker in a fresh temporary directory.
     */
    public static EmbeddedRuntime start(Path dataDir, int mongoPort, int kafkaPort, int controllerPort) {
        Path mongoFile = dataDir == null ? null : dataDir.resolve("mongo").resolve("firstsec.mv");
        Path kafkaDir = dataDir == null ? temporaryDirectory("firstsec-kafka") : dataDir.resolve("kafka");
        var mongo = EmbeddedMongoServer.start(mongoFile, mongoPort);
        try {
            return new EmbeddedRuntime(
                    mongo,
                    EmbeddedKafkaBroker.start(kafkaDir, kafkaPort, controllerPort),
                    dataDir == null ? kafkaDir : null);
        } catch (RuntimeException e) {
            mongo.close();
            throw e;
        }
    }

    public static synchronized EmbeddedRuntime shared() {
        if (shared == null) {
            shared = start(null, FreePorts.next(), FreePorts.next(), FreePorts.next());
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "embedded-runtime-stop"));
        }
        return shared;
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** Restarts the broker in place (a fault test's broker outage). */
    public void restartBroker() {
        kafka.restart();
    }

    public String mongoConnectionString() {
        return mongo.connectionString();
    }

    /** The URI of one database on the embedded store. */
    public String mongoUri(String database) {
        return mongo.connectionString() + "/" + database;
    }

    @Override
    public void close() {
        kafka.close();
        mongo.close();
        if (temporaryKafkaDir != null) {
            deleteRecursively(temporaryKafkaDir);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path temporaryDirectory(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.firstsecretary.infra.testing;

import io.firstsecretary.contracts.EventJson;
import io.firstsecretary.contracts.EventType;
import io.firstsecretary.contracts.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Reads whole topics and writes raw records, the way an integration or a faulty producer would. */
public final class TopicProbe implements AutoCloseable {

    private final String bootstrapServers;
    private final KafkaProducer<String, byte[]> producer;
    private Admin admin;

    public TopicProbe(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", bootstrapServers, "acks", "all"),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    /** Sends a record with the given headers (name, value pairs) and waits for the broker. */
    public RecordMetadata send(String topic, String key, byte[] value, String... headers) {
        var record = new ProducerRecord<>(topic, key, value);
        for (int i = 0; i < headers.length; i += 2) {
            record.headers().add(headers[i], headers[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        try {
            return producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Publishes {@code payload} as a CloudEvent of {@code type}, as a producing service would. */
    public <T> RecordMetadata publish(EventType<T> type, String key, String id, String bureau, T payload) {
        return send(
                type.topic(),
                key,
                EventJson.write(payload),
                "ce_specversion",
                "1.0",
                "ce_id",
                id,
                "ce_type",
                type.type(),
                "ce_source",
                Topics.source(type.topic()).orElseThrow(),
                "ce_bureau",
                bureau,
                "content-type",
                "application/json");
    }

    /** Every record currently on {@code topic}, from the beginning, in partition and offset order. */
    public List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        try (var consumer = new KafkaConsumer<>(
                Map.<String, Object>of("bootstrap.servers", bootstrapServers, "group.id", "probe-" + UUID.randomUUID()),
                new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            var records = new ArrayList<ConsumerRecord<String, byte[]>>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Could not read " + topic + " to its end");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    /** The records of {@code topic} whose {@code ce_type} header is {@code type}. */
    public List<ConsumerRecord<String, byte[]>> readAll(String topic, String type) {
        return readAll(topic).stream()
                .filter(r -> type.equals(header(r, "ce_type").orElse(null)))
                .toList();
    }

    /**
     * Waits until consumer group {@code group} has committed offsets up to the current end of
     * {@code topic}: everything published so far has been processed.
     */
    public void awaitConsumed(String group, String topic, Duration timeout) {
        awaitConsumed(group, topic, timeout, lag -> {});
    }

    /** {@link #awaitConsumed(String, String, Duration)}, telling {@code behind} the lag each time it looks. */
    public void awaitConsumed(String group, String topic, Duration timeout, LongConsumer behind) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            for (long lag = lag(group, topic); lag > 0; lag = lag(group, topic)) {
                behind.accept(lag);
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(group + " did not consume " + topic + " within " + timeout);
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** How many records of {@code topic} consumer group {@code group} has not yet committed. */
    public long lag(String group, String topic) {
        try {
            var partitions =
                    admin().describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
                            .map(p -> new TopicPartition(topic, p.partition()))
                            .toList();
            var ends = admin().listOffsets(
                            partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                    .all()
                    .get();
            var committed = admin().listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get();
            long lag = 0;
            for (var p : partitions) {
                var at = committed.get(p);
                lag += Math.max(0, ends.get(p).offset() - (at == null ? 0 : at.offset()));
            }
            return lag;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers));
        }
        return admin;
    }

    public static Optional<String> header(ConsumerRecord<?, ?> record, String name) {
        return Optional.ofNullable(record.headers().lastHeader(name))
                .map(h -> new String(h.value(), StandardCharsets.UTF_8));
    }

    @Override
    public synchronized void close() {
        producer.close();
        if (admin != null) {
            admin.close();
        }
    }
}

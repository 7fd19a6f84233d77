package io.firstsecretary.kit.consumer;

import io.firstsecretary.kit.web.CatchingUpException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Read-your-writes for a service that keeps a replica of another's data from a topic. A request
 * the replica would refuse (an unknown branch, someone who was not first secretary that day) may
 * only be refused because a change the caller has just made elsewhere has not reached the replica
 * yet. {@link #awaitCurrent} tells the two apart: it notes how far the topic reaches now and waits,
 * for a bounded time, until this service's consumer group has committed that far.
 */
public class ReplicaCatchUp implements DisposableBean {

    private static final Duration LOOK_AGAIN = Duration.ofMillis(25);
    /** Partitions are looked up again after this long, so a topic given more is seen without a restart. */
    private static final Duration PARTITIONS_KEPT = Duration.ofMinutes(1);

    private final KafkaAdmin kafkaAdmin;
    private final String group;
    private final Duration bound;
    private final Duration retryAfter;
    private final AtomicInteger waiting = new AtomicInteger();
    private final MeterRegistry meters;
    private volatile Admin admin;
    private final Map<String, Partitions> partitions = new ConcurrentHashMap<>();

    private record Partitions(List<TopicPartition> of, long lookedUpAt) {}

    public ReplicaCatchUp(
            KafkaAdmin kafkaAdmin, String group, Duration bound, Duration retryAfter, MeterRegistry meters) {
        this.kafkaAdmin = kafkaAdmin;
        this.group = group;
        this.bound = bound;
        this.retryAfter = retryAfter;
        this.meters = meters;
        Gauge.builder("firstsec.replica.waiting", waiting, AtomicInteger::get)
                .description("Requests waiting for a replica to catch up before they are answered")
                .register(meters);
    }

    /**
     * Whether the replica had to catch up with {@code topic}: false if it had already read all of
     * it when asked (its refusal stands), true once it has read what was there when asked (ask it
     * again). A replica still behind after the bound, or a broker that cannot say, is a {@link
     * CatchingUpException}: a 503 with {@code Retry-After}, never a refusal that may be false.
     */
    public boolean awaitCurrent(String topic) {
        long started = System.nanoTime();
        long deadline = started + bound.toNanos();
        String outcome = "behind";
        waiting.incrementAndGet();
        try {
            var ends = ends(topic);
            boolean waited = false;
            while (!reached(ends)) {
                if (System.nanoTime() - deadline > 0) {
                    throw new CatchingUpException(topic, retryAfter);
                }
                waited = true;
                Thread.sleep(LOOK_AGAIN.toMillis());
            }
            outcome = waited ? "caught-up" : "current";
            return waited;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CatchingUpException(topic, retryAfter);
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            outcome = "unknown";
            throw new CatchingUpException(topic, retryAfter);
        } finally {
            waiting.decrementAndGet();
            Timer.builder("firstsec.replica.catch.up")
                    .description("How long a request the replica would refuse waited for it to catch up")
                    .tags("topic", topic, "outcome", outcome)
                    .register(meters)
                    .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    private Map<TopicPartition, Long> ends(String topic)
            throws InterruptedException, ExecutionException, TimeoutException {
        var latest = partitionsOf(topic).stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
        return admin().listOffsets(latest).all().get(bound.toMillis(), TimeUnit.MILLISECONDS).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private List<TopicPartition> partitionsOf(String topic)
            throws InterruptedException, ExecutionException, TimeoutException {
        var known = partitions.get(topic);
        if (known != null && System.nanoTime() - known.lookedUpAt() < PARTITIONS_KEPT.toNanos()) {
            return known.of();
        }
        var described = admin()
                .describeTopics(List.of(topic))
                .allTopicNames()
                .get(bound.toMillis(), TimeUnit.MILLISECONDS)
                .get(topic)
                .partitions()
                .stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .toList();
        partitions.put(topic, new Partitions(described, System.nanoTime()));
        return described;
    }

    private boolean reached(Map<TopicPartition, Long> ends)
            throws InterruptedException, ExecutionException, TimeoutException {
        var committed = admin().listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()
                .get(bound.toMillis(), TimeUnit.MILLISECONDS);
        return ends.entrySet().stream().allMatch(end -> {
            var at = committed.get(end.getKey());
            return end.getValue() == 0 || (at != null && at.offset() >= end.getValue());
        });
    }

    private Admin admin() {
        var created = admin;
        if (created == null) {
            synchronized (this) {
                if (admin == null) {
                    admin = Admin.create(kafkaAdmin.getConfigurationProperties());
                }
                created = admin;
            }
        }
        return created;
    }

    @Override
    public void destroy() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
        }
    }
}

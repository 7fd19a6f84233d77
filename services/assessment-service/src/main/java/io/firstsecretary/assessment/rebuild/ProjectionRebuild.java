package io.firstsecretary.assessment.rebuild;

import io.firstsecretary.assessment.catalogue.Catalogues;
import io.firstsecretary.assessment.facts.Facts;
import io.firstsecretary.assessment.facts.FactsProjector;
import io.firstsecretary.assessment.facts.Generation;
import io.firstsecretary.assessment.facts.Generations;
import io.firstsecretary.assessment.obligation.AssessmentIndexes;
import io.firstsecretary.assessment.obligation.ObligationBook;
import io.firstsecretary.contracts.Topics;
import io.firstsecretary.kit.events.IncomingEvent;
import io.firstsecretary.kit.events.MalformedEventException;
import io.firstsecretary.kit.outbox.Outbox;
import io.firstsecretary.kit.store.StoreIndexes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Service;

/**
 * Rebuilds assessment's projections from the topics into a fresh generation of collections and
 * switches to it, while the live generation keeps answering:
 *
 * <ol>
 *   <li>replay the organisation and activity topics from the beginning into the next generation's
 *       facts, then compute every obligation there, announcing nothing (it was all announced when
 *       it happened, so no reminder is triggered again);
 *   <li>pause this replica's listeners, catch up to what they had processed, switch the live
 *       generation, resume: from then on the listeners write, and announce, into the new one;
 *   <li>after other replicas have followed the switch, catch up once more to what they processed in
 *       the old generation meanwhile.
 * </ol>
 *
 * The generation before the old one is dropped by the next rebuild, once the relay has published
 * its last pending events.
 */
@Service
public class ProjectionRebuild {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuild.class);
    private static final List<String> TOPICS = List.of(Topics.ORGANISATION, Topics.ACTIVITY);
    private static final Duration PAUSE_TIMEOUT = Duration.ofSeconds(30);

    private final MongoTemplate mongo;
    private final Outbox outbox;
    private final Catalogues catalogues;
    private final Clock clock;
    private final Generations generations;
    private final ConsumerFactory<?, ?> consumers;
    private final KafkaAdmin admin;
    private final KafkaListenerEndpointRegistry listeners;
    private final String group;
    private final AtomicReference<Status> status = new AtomicReference<>(Status.idle(0));

    ProjectionRebuild(
            MongoTemplate mongo,
            Outbox outbox,
            Catalogues catalogues,
            Clock clock,
            Generations generations,
            ConsumerFactory<?, ?> consumers,
            KafkaAdmin admin,
            KafkaListenerEndpointRegistry listeners,
            @Value("${spring.kafka.consumer.group-id}") String group) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.catalogues = catalogues;
        this.clock = clock;
        this.generations = generations;
        this.consumers = consumers;
        this.admin = admin;
        this.listeners = listeners;
        this.group = group;
    }

    /**
     * Where a rebuild stands.
     *
     * @param phase IDLE, STARTING, REPLAYING, COMPUTING, SWITCHING, CATCHING_UP, DONE or FAILED
     * @param events events replayed so far
     * @param assignments first-secretary assignments whose obligations were computed
     */
    public record Status(
            int liveGeneration,
            String phase,
            Integer building,
            long events,
            int assignments,
            Instant startedAt,
            Instant finishedAt,
            String error) {

        static Status idle(int live) {
            return new Status(live, "IDLE", null, 0, 0, null, null, null);
        }
    }

    public Status status() {
        var current = status.get();
        return current.phase().equals("IDLE") ? Status.idle(generations.number()) : current;
    }

    /** Marks a rebuild as about to start, so that a second request does not start another. */
    public void starting() {
        int live = generations.number();
        status.set(new Status(live, "STARTING", live + 1, 0, 0, clock.instant(), null, null));
    }

    public boolean running() {
        var phase = status.get().phase();
        return !phase.equals("IDLE") && !phase.equals("DONE") && !phase.equals("FAILED");
    }

    /** Runs a whole rebuild; one at a time. */
    public synchronized Status rebuild() {
        int live = generations.number();
        int next = live + 1;
        Instant started = clock.instant();
        var replayed = new AtomicLong();
        try {
            retireBefore(live);
            var facts = new Facts(mongo, Generation.fixed(next));
            var book = new ObligationBook(mongo, outbox, facts, catalogues, clock, false);
            facts.dropReplayed();
            book.drop();
            StoreIndexes.create(mongo, AssessmentIndexes.forGeneration(Generation.fixed(next)));
            // fresh collections: the keys list every assignment and obligation as they are written
            facts.listAssignments();
            book.keysListEverything();
            var projector = new FactsProjector(facts);

            report(live, "REPLAYING", next, replayed, 0, started);
            Map<TopicPartition, Long> replayedTo;
            try (var consumer = replayConsumer()) {
                var partitions = partitions(consumer);
                var beginning = consumer.beginningOffsets(partitions);
                replayedTo = consumer.endOffsets(partitions);
                replay(
                        consumer,
                        beginning,
                        replayedTo,
                        records -> {
                            var events = new ArrayList<FactsProjector.Positioned>();
                            for (var r : records) {
                                try {
                                    events.add(new FactsProjector.Positioned(IncomingEvent.from(r), r.offset()));
                                } catch (MalformedEventException | IllegalArgumentException e) {
                                    // a poison message: the live consumer dead-lettered it when it arrived
                                }
                            }
                            projector.replay(events);
                            report(live, "REPLAYING", next, replayed, 0, started);
                        },
                        replayed);
            }
            report(live, "COMPUTING", next, replayed, 0, started);
            int assignments =
                    book.computeAllIntoEmpty(computed -> report(live, "COMPUTING", next, replayed, computed, started));

            report(live, "SWITCHING", next, replayed, assignments, started);
            var paused = pauseListeners();
            Map<TopicPartition, Long> processed;
            try {
                processed = committed(replayedTo);
                catchUp(projector, book, replayedTo, processed, replayed);
                generations.switchTo(next);
            } finally {
                paused.forEach(MessageListenerContainer::resume);
            }

            report(next, "CATCHING_UP", next, replayed, assignments, started);
            Thread.sleep(3 * 1_000L);
            catchUp(projector, book, processed, committed(processed), replayed);

            var done = new Status(next, "DONE", null, replayed.get(), assignments, started, clock.instant(), null);
            status.set(done);
            log.info("Rebuilt the projections as generation {} from {} events", next, replayed.get());
            return done;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(live, replayed, started, e);
        } catch (RuntimeException e) {
            return failed(live, replayed, started, e);
        }
    }

    private Status failed(int live, AtomicLong replayed, Instant started, Exception e) {
        log.error("Rebuilding the projections failed; generation {} stays live", generations.number(), e);
        var failed = new Status(
                generations.number(), "FAILED", live + 1, replayed.get(), 0, started, clock.instant(), e.toString());
        status.set(failed);
        return failed;
    }

    private void report(int live, String phase, int next, AtomicLong replayed, int assignments, Instant started) {
        status.set(new Status(live, phase, next, replayed.get(), assignments, started, null, null));
    }

    /** Drops generations older than the live one whose last events have been published. */
    private void retireBefore(int live) {
        for (int g = live - 1; g >= 0; g--) {
            var old = new Facts(mongo, Generation.fixed(g));
            var book = new ObligationBook(mongo, outbox, old, catalogues, clock, false);
            if (!book.hasPendingEvents()) {
                old.dropReplayed();
                book.drop();
            }
        }
    }

    private void catchUp(
            FactsProjector projector,
            ObligationBook book,
            Map<TopicPartition, Long> from,
            Map<TopicPartition, Long> to,
            AtomicLong replayed) {
        try (var consumer = replayConsumer()) {
            replay(
                    consumer,
                    from,
                    to,
                    records -> {
                        for (var r : records) {
                            try {
                                book.recomputeAll(projector.apply(IncomingEvent.from(r), r.offset()));
                            } catch (MalformedEventException | IllegalArgumentException e) {
                                // dead-lettered when it arrived
                            }
                        }
                    },
                    replayed);
        }
    }

    private static void replay(
            Consumer<String, byte[]> consumer,
            Map<TopicPartition, Long> from,
            Map<TopicPartition, Long> to,
            java.util.function.Consumer<List<ConsumerRecord<String, byte[]>>> apply,
            AtomicLong replayed) {
        var open = new ArrayList<TopicPartition>();
        for (var partition : to.keySet()) {
            if (from.getOrDefault(partition, 0L) < to.get(partition)) {
                open.add(partition);
            }
        }
        consumer.assign(open);
        open.forEach(p -> consumer.seek(p, from.getOrDefault(p, 0L)));
        while (!open.isEmpty()) {
            var batch = new ArrayList<ConsumerRecord<String, byte[]>>();
            for (var record : consumer.poll(Duration.ofMillis(500))) {
                var partition = new TopicPartition(record.topic(), record.partition());
                if (record.offset() < to.get(partition)) {
                    batch.add(record);
                }
            }
            apply.accept(batch);
            replayed.addAndGet(batch.size());
            open.removeIf(p -> consumer.position(p) >= to.get(p));
            consumer.assign(open);
        }
    }

    @SuppressWarnings("unchecked")
    private Consumer<String, byte[]> replayConsumer() {
        var overrides = new Properties();
        overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        overrides.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        return (Consumer<String, byte[]>)
                consumers.createConsumer(group + "-rebuild-" + UUID.randomUUID(), null, null, overrides);
    }

    private static List<TopicPartition> partitions(Consumer<String, byte[]> consumer) {
        var partitions = new ArrayList<TopicPartition>();
        for (String topic : TOPICS) {
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        return partitions;
    }

    /** This service's committed positions, never behind {@code atLeast}. */
    private Map<TopicPartition, Long> committed(Map<TopicPartition, Long> atLeast) {
        try (var client = AdminClient.create(admin.getConfigurationProperties())) {
            var offsets = client.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get();
            var result = new HashMap<TopicPartition, Long>(atLeast);
            offsets.forEach((partition, offset) -> {
                if (offset != null && atLeast.containsKey(partition)) {
                    result.merge(partition, offset.offset(), Math::max);
                }
            });
            return result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("Could not read the committed offsets of " + group, e.getCause());
        }
    }

    private List<MessageListenerContainer> pauseListeners() throws InterruptedException {
        var containers = new ArrayList<>(listeners.getListenerContainers());
        containers.forEach(MessageListenerContainer::pause);
        long deadline = System.nanoTime() + PAUSE_TIMEOUT.toNanos();
        while (containers.stream().anyMatch(c -> c.isRunning() && !c.isContainerPaused())) {
            if (System.nanoTime() > deadline) {
                containers.forEach(MessageListenerContainer::resume);
                throw new IllegalStateException("The listeners did not pause within " + PAUSE_TIMEOUT);
            }
            Thread.sleep(20);
        }
        return containers;
    }
}

package io.firstsecretary.notification.delivery;

import io.firstsecretary.contracts.Events;
import io.firstsecretary.contracts.notification.ReminderFailed;
import io.firstsecretary.contracts.notification.ReminderSent;
import io.firstsecretary.kit.outbox.Outbox;
import io.firstsecretary.kit.outbox.OutboxEvent;
import io.firstsecretary.notification.policy.ReminderPolicies;
import io.firstsecretary.notification.preference.Channel;
import io.firstsecretary.notification.reminder.Reminder;
import io.firstsecretary.notification.reminder.ReminderBook;
import io.firstsecretary.notification.reminder.ReminderStatus;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends what is due. Each round it <em>releases</em> the reminders whose time has come (outside their
 * bureau's quiet hours) into one delivery per channel and recipient the member's preferences choose,
 * then <em>delivers</em>: each delivery is claimed with an atomic find-and-modify that leases it to
 * this instance, attempted once, and settled with its sent or failed event in the same write. Any
 * number of replicas can run: a delivery is held by one at a time, and one whose holder died is taken
 * over when its lease runs out.
 */
@Component
class Dispatcher {

    static final String DELIVERIES = "deliveries";
    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final MongoTemplate mongo;
    private final Outbox outbox;
    private final Clock clock;
    private final DeliveryTiming timing;
    private final ReminderBook book;
    private final ReminderPolicies policies;
    private final Map<Channel, ChannelSender> senders = new EnumMap<>(Channel.class);
    private final Map<Channel, AtomicBoolean> draining = new EnumMap<>(Channel.class);
    private final ExecutorService lanes;
    private final int batch;
    private final String instance = UUID.randomUUID().toString();

    Dispatcher(
            MongoTemplate mongo,
            Outbox outbox,
            Clock clock,
            DeliveryTiming timing,
            ReminderBook book,
            ReminderPolicies policies,
            List<ChannelSender> senders,
            @Value("${firstsec.notification.delivery.batch:50}") int batch) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.clock = clock;
        this.timing = timing;
        this.book = book;
        this.policies = policies;
        senders.forEach(s -> {
            this.senders.put(s.channel(), s);
            this.draining.put(s.channel(), new AtomicBoolean());
        });
        this.batch = batch;
        this.lanes =
                Executors.newFixedThreadPool(Math.max(1, senders.size()), work -> new Thread(work, "delivery-lane"));
    }

    /**
     * Releases what fell due, then drains each channel in a lane of its own: a slow webhook endpoint
     * (up to its timeout per attempt) delays only other webhooks, never the e-mail or the inbox.
     */
    @Scheduled(fixedDelayString = "${firstsec.notification.delivery.interval:PT2S}")
    void dispatch() {
        release();
        draining.forEach((channel, busy) -> {
            if (busy.compareAndSet(false, true)) {
                lanes.execute(() -> {
                    try {
                        drain(channel);
                    } catch (RuntimeException e) {
                        log.warn("Delivering {} failed; the next round tries again", channel, e);
                    } finally {
                        busy.set(false);
                    }
                });
            }
        });
    }

    @PreDestroy
    void stop() {
        lanes.shutdownNow();
    }

    private void drain(Channel channel) {
        for (int i = 0; i < batch; i++) {
            var delivery = claim(channel);
            if (delivery == null) {
                return;
            }
            attempt(delivery);
        }
    }

    /** Turns the reminders whose time has come into deliveries. */
    void release() {
        var due = Query.query(Criteria.where("status")
                        .is(ReminderStatus.SCHEDULED.name())
                        .and("releasedAt")
                        .is(null)
                        .and("scheduledFor")
                        .lte(clock.instant()))
                .with(Sort.by("scheduledFor"))
                .limit(batch);
        LocalTime local = LocalTime.now(clock);
        for (Reminder reminder : mongo.find(due, Reminder.class, ReminderBook.REMINDERS)) {
            if (policies.of(reminder.bureau()).isQuiet(local)) {
                continue; // held until the quiet hours end
            }
            int deliveries = 0;
            for (Channel channel : book.channelsOf(reminder.bureau(), reminder.recipient())) {
                var sender = senders.get(channel);
                if (sender == null) {
                    continue;
                }
                var endpoints = sender.personal()
                        ? java.util.Collections.<String>singletonList(null)
                        : sender.endpointsFor(reminder);
                for (String endpoint : endpoints) {
                    var delivery = new Delivery(
                            ReminderBook.idOf(reminder.id() + "|" + channel + "|"
                                    + (endpoint == null ? reminder.recipient() : endpoint)),
                            reminder.id(),
                            reminder.bureau(),
                            reminder.bureauPath(),
                            reminder.obligation(),
                            reminder.recipient(),
                            reminder.stage(),
                            channel,
                            endpoint,
                            DeliveryStatus.PENDING,
                            0,
                            timing.now(),
                            null,
                            null,
                            null,
                            null);
                    outbox.insertIfAbsent(DELIVERIES, delivery.id(), delivery, List.of());
                    deliveries++;
                }
            }
            mongo.updateFirst(
                    Query.query(Criteria.where("_id")
                            .is(reminder.id())
                            .and("releasedAt")
                            .is(null)),
                    new Update().set("releasedAt", clock.instant()),
                    ReminderBook.REMINDERS);
            if (deliveries == 0) {
                book.cancelWhere(Criteria.where("_id").is(reminder.id()), "NO_CHANNEL");
            }
        }
    }

    /** Leases the channel's next delivery due an attempt: a pending one, or one whose holder's lease ran out. */
    private Delivery claim(Channel channel) {
        var now = timing.now();
        var claimable = Query.query(Criteria.where("channel")
                        .is(channel.name())
                        .orOperator(
                                Criteria.where("status")
                                        .is(DeliveryStatus.PENDING.name())
                                        .and("nextAttemptAt")
                                        .lte(now),
                                Criteria.where("status")
                                        .is(DeliveryStatus.SENDING.name())
                                        .and("leaseUntil")
                                        .lt(now)))
                .with(Sort.by("nextAttemptAt"));
        return mongo.findAndModify(
                claimable,
                new Update()
                        .set("status", DeliveryStatus.SENDING.name())
                        .set("owner", instance)
                        .set("leaseUntil", timing.leaseEnd())
                        .inc("attempts", 1),
                FindAndModifyOptions.options().returnNew(true),
                Delivery.class,
                DELIVERIES);
    }

    private void attempt(Delivery delivery) {
        var reminder = mongo.findById(delivery.reminder(), Reminder.class, ReminderBook.REMINDERS);
        if (reminder == null || reminder.status() == ReminderStatus.CANCELLED) {
            settle(delivery, new Update().set("status", DeliveryStatus.CANCELLED.name()), List.of());
            return;
        }
        ChannelSender.Outcome outcome;
        try {
            outcome = senders.get(delivery.channel()).send(delivery, reminder);
        } catch (RuntimeException e) {
            log.warn("Delivery {} through {} failed unexpectedly", delivery.id(), delivery.channel(), e);
            outcome = ChannelSender.Outcome.retry(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        switch (outcome.result()) {
            case SENT:
                var sentAt = timing.now();
                settle(
                        delivery,
                        new Update().set("status", DeliveryStatus.SENT.name()).set("sentAt", sentAt),
                        List.of(sent(delivery, sentAt)));
                break;
            case RETRY:
                log.info(
                        "Delivery {} through {}, attempt {}: {}",
                        delivery.id(),
                        delivery.channel(),
                        delivery.attempts(),
                        outcome.reason());
                if (delivery.attempts() < timing.attempts()) {
                    settle(
                            delivery,
                            new Update()
                                    .set("status", DeliveryStatus.PENDING.name())
                                    .set("nextAttemptAt", timing.nextAttempt(delivery.attempts()))
                                    .set("lastError", outcome.reason()),
                            List.of());
                } else {
                    fail(delivery, "RETRIES_EXHAUSTED: " + outcome.reason());
                }
                break;
            default:
                fail(delivery, outcome.reason());
        }
        settleReminder(delivery.reminder());
    }

    private void fail(Delivery delivery, String reason) {
        var failedAt = timing.now();
        settle(
                delivery,
                new Update().set("status", DeliveryStatus.FAILED.name()).set("lastError", reason),
                List.of(outbox.event(
                        Events.REMINDER_FAILED,
                        delivery.reminder(),
                        subjectOf(delivery),
                        delivery.bureau(),
                        delivery.bureauPath(),
                        new ReminderFailed(
                                delivery.id(),
                                delivery.reminder(),
                                delivery.bureau(),
                                delivery.bureauPath(),
                                delivery.obligation(),
                                delivery.recipient(),
                                delivery.stage().name(),
                                delivery.channel().name(),
                                delivery.endpoint(),
                                delivery.attempts(),
                                reason,
                                failedAt))));
    }

    private OutboxEvent sent(Delivery delivery, java.time.Instant sentAt) {
        return outbox.event(
                Events.REMINDER_SENT,
                delivery.reminder(),
                subjectOf(delivery),
                delivery.bureau(),
                delivery.bureauPath(),
                new ReminderSent(
                        delivery.id(),
                        delivery.reminder(),
                        delivery.bureau(),
                        delivery.bureauPath(),
                        delivery.obligation(),
                        delivery.recipient(),
                        delivery.stage().name(),
                        delivery.channel().name(),
                        delivery.endpoint(),
                        delivery.attempts(),
                        sentAt));
    }

    /** Records the attempt's result, only while this instance still holds the delivery. */
    private void settle(Delivery delivery, Update update, List<OutboxEvent> events) {
        outbox.update(
                DELIVERIES,
                Query.query(Criteria.where("_id")
                        .is(delivery.id())
                        .and("status")
                        .is(DeliveryStatus.SENDING.name())
                        .and("owner")
                        .is(instance)),
                update.unset("owner").unset("leaseUntil"),
                events);
    }

    /** Once no delivery of the reminder is left to attempt: SENT if any reached its recipient, else FAILED. */
    private void settleReminder(String reminder) {
        var ofReminder = Criteria.where("reminder").is(reminder);
        if (mongo.exists(
                Query.query(Criteria.where("reminder")
                        .is(reminder)
                        .and("status")
                        .in(DeliveryStatus.PENDING.name(), DeliveryStatus.SENDING.name())),
                DELIVERIES)) {
            return;
        }
        boolean reached =
                mongo.exists(Query.query(ofReminder.and("status").is(DeliveryStatus.SENT.name())), DELIVERIES);
        mongo.updateFirst(
                outbox.expecting(ReminderBook.REMINDERS, reminder, "status", ReminderStatus.SCHEDULED.name()),
                new Update().set("status", (reached ? ReminderStatus.SENT : ReminderStatus.FAILED).name()),
                ReminderBook.REMINDERS);
    }

    private static String subjectOf(Delivery delivery) {
        return "bureaus/" + delivery.bureau() + "/reminders/" + delivery.reminder();
    }
}

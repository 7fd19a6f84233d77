package io.firstsecretary.notification.delivery;

import io.firstsecretary.notification.preference.Channel;
import io.firstsecretary.notification.reminder.Reminder;
import java.util.List;

/** One way of reaching people. */
public interface ChannelSender {

    Channel channel();

    /**
     * The endpoints this channel sends the reminder to, for channels that reach a system rather than
     * the recipient personally; empty for a personal channel.
     */
    default List<String> endpointsFor(Reminder reminder) {
        return List.of();
    }

    /** Whether this channel reaches the recipient in person (e-mail, inbox) rather than endpoints. */
    default boolean personal() {
        return true;
    }

    /** One attempt. Must not throw for an expected failure: say it with an {@link Outcome}. */
    Outcome send(Delivery delivery, Reminder reminder);

    /** How an attempt went. */
    record Outcome(Result result, String reason) {

        public enum Result {
            SENT,
            /** Failed this time; worth trying again later. */
            RETRY,
            /** Will never succeed (no address, the endpoint is gone): give up now. */
            FAILED
        }

        public static Outcome sent() {
            return new Outcome(Result.SENT, null);
        }

        public static Outcome retry(String reason) {
            return new Outcome(Result.RETRY, reason);
        }

        public static Outcome failed(String reason) {
            return new Outcome(Result.FAILED, reason);
        }
    }
}

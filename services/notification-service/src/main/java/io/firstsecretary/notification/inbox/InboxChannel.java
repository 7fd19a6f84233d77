package io.firstsecretary.notification.inbox;

import io.firstsecretary.notification.delivery.ChannelSender;
import io.firstsecretary.notification.delivery.Delivery;
import io.firstsecretary.notification.message.Messages;
import io.firstsecretary.notification.preference.Channel;
import io.firstsecretary.notification.reminder.Reminder;
import java.time.Clock;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** The in-app inbox: delivering is storing the message under the delivery's id, so it is there once. */
@Component
class InboxChannel implements ChannelSender {

    static final String INBOX = "inbox";

    private final MongoTemplate mongo;
    private final Messages messages;
    private final Clock clock;

    InboxChannel(MongoTemplate mongo, Messages messages, Clock clock) {
        this.mongo = mongo;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public Channel channel() {
        return Channel.INBOX;
    }

    @Override
    public Outcome send(Delivery delivery, Reminder reminder) {
        var message = messages.compose(reminder);
        try {
            mongo.insert(
                    new InboxItem(
                            delivery.id(),
                            reminder.bureau(),
                            reminder.recipient(),
                            reminder.id(),
                            reminder.stage().name(),
                            message.subject(),
                            message.text(),
                            message.link(),
                            clock.instant(),
                            false),
                    INBOX);
        } catch (DuplicateKeyException alreadyThere) {
            // delivered on an earlier attempt whose result was not recorded
        }
        return Outcome.sent();
    }
}

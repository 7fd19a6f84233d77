package io.firstsecretary.notification.directory;

import io.firstsecretary.contracts.Events;
import io.firstsecretary.contracts.Topics;
import io.firstsecretary.contracts.organisation.MemberChanged;
import io.firstsecretary.kit.events.IncomingEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps the directory replica from the organisation topic. */
@Component
class DirectoryProjector {

    private final Directory directory;

    DirectoryProjector(Directory directory) {
        this.directory = directory;
    }

    @KafkaListener(topics = Topics.ORGANISATION)
    void on(ConsumerRecord<String, byte[]> record) {
        var event = IncomingEvent.from(record);
        if (event.is(Events.BUREAU_REGISTERED)) {
            var b = event.payload(Events.BUREAU_REGISTERED);
            directory.saveBureau(b.code(), b.path());
        } else if (event.is(Events.BUREAU_CHANGED)) {
            var b = event.payload(Events.BUREAU_CHANGED);
            directory.saveBureau(b.code(), b.path());
        } else if (event.is(Events.MEMBER_REGISTERED)) {
            var m = event.payload(Events.MEMBER_REGISTERED);
            directory.save(new Person(
                    Person.keyOf(m.bureau(), m.id()),
                    m.bureau(),
                    m.id(),
                    m.name(),
                    m.email(),
                    m.phone(),
                    m.roles(),
                    m.branch(),
                    true));
        } else if (event.is(Events.MEMBER_TRANSFERRED)) {
            changed(event.payload(Events.MEMBER_TRANSFERRED));
        } else if (event.is(Events.MEMBER_ROLES_CHANGED)) {
            changed(event.payload(Events.MEMBER_ROLES_CHANGED));
        } else if (event.is(Events.MEMBER_DETAILS_CHANGED)) {
            changed(event.payload(Events.MEMBER_DETAILS_CHANGED));
        } else if (event.is(Events.MEMBER_LEFT)) {
            changed(event.payload(Events.MEMBER_LEFT));
        } else if (event.is(Events.BRANCH_ESTABLISHED)) {
            var b = event.payload(Events.BRANCH_ESTABLISHED);
            directory.saveBranch(b.bureau(), b.code(), b.name());
        } else if (event.is(Events.BRANCH_RENAMED)) {
            var b = event.payload(Events.BRANCH_RENAMED);
            directory.saveBranch(b.bureau(), b.code(), b.name());
        }
    }

    private void changed(MemberChanged m) {
        directory.save(new Person(
                Person.keyOf(m.bureau(), m.id()),
                m.bureau(),
                m.id(),
                m.name(),
                m.email(),
                m.phone(),
                m.roles(),
                m.branch(),
                m.active()));
    }
}

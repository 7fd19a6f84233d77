package io.firstsecretary.identity.directory;

import io.firstsecretary.contracts.EventType;
import io.firstsecretary.contracts.Events;
import io.firstsecretary.contracts.Topics;
import io.firstsecretary.contracts.organisation.MemberChanged;
import io.firstsecretary.identity.account.Account;
import io.firstsecretary.identity.account.Accounts;
import io.firstsecretary.identity.bureau.Bureaus;
import io.firstsecretary.kit.events.IncomingEvent;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the bureau tree and the members' accounts from the organisation topic: a member who joins
 * can be given a login, one whose roles change gets the new roles in the next token, one who leaves
 * can no longer log in. Every event carries the full state and is applied as an upsert.
 */
@Component
class DirectoryProjector {

    private static final List<EventType<MemberChanged>> MEMBER_CHANGES = List.of(
            Events.MEMBER_TRANSFERRED, Events.MEMBER_ROLES_CHANGED, Events.MEMBER_DETAILS_CHANGED, Events.MEMBER_LEFT);

    private final Bureaus bureaus;
    private final Accounts accounts;
    private final ApplicationEventPublisher publisher;

    DirectoryProjector(Bureaus bureaus, Accounts accounts, ApplicationEventPublisher publisher) {
        this.bureaus = bureaus;
        this.accounts = accounts;
        this.publisher = publisher;
    }

    @KafkaListener(topics = Topics.ORGANISATION)
    void on(ConsumerRecord<String, byte[]> record) {
        var event = IncomingEvent.from(record);
        if (event.is(Events.BUREAU_REGISTERED)) {
            var bureau = event.payload(Events.BUREAU_REGISTERED);
            bureau(bureau.code(), bureau.path());
        } else if (event.is(Events.BUREAU_CHANGED)) {
            var bureau = event.payload(Events.BUREAU_CHANGED);
            bureau(bureau.code(), bureau.path());
        } else if (event.is(Events.MEMBER_REGISTERED)) {
            var member = event.payload(Events.MEMBER_REGISTERED);
            changed(accounts.member(
                    member.id(), member.name(), member.bureau(), member.bureauPath(), member.roles(), true));
        } else if (event.is(Events.FIRST_SECRETARY_ASSIGNED)) {
            var term = event.payload(Events.FIRST_SECRETARY_ASSIGNED);
            changed(accounts.term(term.member(), term.assignment(), term.to()));
        } else if (event.is(Events.FIRST_SECRETARY_RELIEVED)) {
            var term = event.payload(Events.FIRST_SECRETARY_RELIEVED);
            changed(accounts.term(term.member(), term.assignment(), term.to()));
        } else {
            MEMBER_CHANGES.stream().filter(event::is).findFirst().ifPresent(type -> {
                var member = event.payload(type);
                changed(accounts.member(
                        member.id(),
                        member.name(),
                        member.bureau(),
                        member.bureauPath(),
                        member.roles(),
                        member.active()));
            });
        }
    }

    private void bureau(String code, List<String> path) {
        bureaus.save(code, path);
        publisher.publishEvent(new DirectoryChanged.BureauKnown(code, path));
    }

    private void changed(Account account) {
        publisher.publishEvent(new DirectoryChanged.AccountChanged(account));
    }
}

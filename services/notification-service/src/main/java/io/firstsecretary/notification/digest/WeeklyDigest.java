package io.firstsecretary.notification.digest;

import io.firstsecretary.notification.policy.ReminderPolicies;
import io.firstsecretary.notification.preference.Preferences;
import io.firstsecretary.notification.reminder.Reminder;
import io.firstsecretary.notification.reminder.ReminderBook;
import io.firstsecretary.notification.reminder.ReminderStage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Puts each first secretary's weekly digest of open items on the schedule once its bureau's digest
 * time has come (Monday 08:30 by default), unless they muted it. The digest's id names the member and
 * the week, so every replica may plan it and it is still sent once; a week whose digest day has passed
 * by more than a day (the service was down) is skipped rather than sent late.
 */
@Component
class WeeklyDigest {

    private final ReminderBook book;
    private final ReminderPolicies policies;
    private final Preferences preferences;
    private final Clock clock;

    WeeklyDigest(ReminderBook book, ReminderPolicies policies, Preferences preferences, Clock clock) {
        this.book = book;
        this.policies = policies;
        this.preferences = preferences;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${firstsec.notification.digest.interval:PT1M}",
            initialDelayString = "${firstsec.notification.digest.interval:PT1M}")
    void plan() {
        Instant now = clock.instant();
        for (String bureau : book.bureausWithOpenWork()) {
            var local = policies.of(bureau).digestOfWeek(book.today());
            if (local == null) {
                continue;
            }
            Instant at = local.atZone(clock.getZone()).toInstant();
            if (now.isBefore(at) || now.isAfter(at.plus(Duration.ofDays(1)))) {
                continue;
            }
            book.openByAssignee(bureau).forEach((assignee, open) -> {
                if (preferences.of(bureau, assignee).digest()) {
                    var first = open.get(0);
                    book.schedule(Reminder.scheduled(
                            ReminderBook.idOf(bureau + "|" + assignee + "|DIGEST|" + local.toLocalDate()),
                            bureau,
                            first.bureauPath(),
                            null,
                            null,
                            assignee,
                            null,
                            null,
                            first.branch(),
                            first.dueOn(),
                            ReminderStage.DIGEST,
                            at,
                            book.channelsOf(bureau, assignee)));
                }
            });
        }
    }
}

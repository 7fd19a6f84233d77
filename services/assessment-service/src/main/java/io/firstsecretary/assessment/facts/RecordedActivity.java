package io.firstsecretary.assessment.facts;

import io.firstsecretary.assessment.period.Period;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.annotation.Id;

/**
 * An activity as far as assessment cares: the latest revision of the record, or voided. Kept so
 * that an assignment learned after its activities still finds its evidence, and so that every
 * score can name the records that earned it.
 */
public record RecordedActivity(
        @Id String id,
        String bureau,
        String type,
        String branch,
        String actor,
        LocalDate occurredOn,
        Instant loggedAt,
        String title,
        List<String> participants,
        String lecturer,
        List<String> attendees,
        String promotionLevel,
        List<String> commitmentItems,
        List<Outcome> itemOutcomes,
        int revision,
        boolean voided) {

    public RecordedActivity {
        participants = participants == null ? List.of() : List.copyOf(participants);
        attendees = attendees == null ? List.of() : List.copyOf(attendees);
        commitmentItems = commitmentItems == null ? List.of() : List.copyOf(commitmentItems);
        itemOutcomes = itemOutcomes == null ? List.of() : List.copyOf(itemOutcomes);
    }

    /** The day the platform learned of the work: what decides whether a duty was met on time. */
    public LocalDate knownOn() {
        if (loggedAt == null) {
            return occurredOn;
        }
        LocalDate logged = LocalDate.ofInstant(loggedAt, Period.ZONE);
        return logged.isBefore(occurredOn) ? occurredOn : logged;
    }

    /** How one commitment item (年初承诺) turned out by the year-end report (年底述职). */
    public record Outcome(String item, String outcome) {}
}

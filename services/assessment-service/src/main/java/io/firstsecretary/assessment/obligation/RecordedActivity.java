package io.firstsecretary.assessment.obligation;

import io.firstsecretary.assessment.catalogue.Duty;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.annotation.Id;

/**
 * An activity as far as obligations care, kept so that an assignment learned after its activities
 * (events of different topics arrive in any order) still finds its evidence.
 */
record RecordedActivity(
        @Id String id,
        String bureau,
        String type,
        String branch,
        String actor,
        LocalDate occurredOn,
        String lecturer,
        List<String> attendees,
        Integer revision,
        Boolean voided) {

    boolean isVoided() {
        return Boolean.TRUE.equals(voided);
    }

    int revisionNumber() {
        return revision == null ? 0 : revision;
    }

    /** The members this activity counts for under {@code duty}. */
    List<String> creditedFor(Duty duty) {
        return switch (duty.creditedTo()) {
            case ACTOR -> List.of(actor);
            case LECTURER -> List.of(lecturer == null ? actor : lecturer);
            case ATTENDEE -> attendees == null ? List.of() : attendees;
        };
    }
}

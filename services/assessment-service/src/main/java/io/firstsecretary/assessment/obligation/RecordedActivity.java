package io.firstsecretary.assessment.obligation;

import java.time.LocalDate;
import org.springframework.data.annotation.Id;

/**
 * An activity as far as obligations care, kept so that an assignment learned after its activities
 * (events of different topics arrive in any order) still finds its evidence.
 */
record RecordedActivity(@Id String id, String bureau, String type, String branch, String actor, LocalDate occurredOn) {}

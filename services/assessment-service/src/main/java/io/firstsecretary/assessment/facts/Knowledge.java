package io.firstsecretary.assessment.facts;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** What deciding an obligation needs to know; {@link Facts} answers from the store, tests from memory. */
public interface Knowledge {

    /** The branch's standing activities of the given types that occurred in {@code [from, to]}. */
    List<RecordedActivity> activities(
            String bureau, String branch, Collection<String> types, LocalDate from, LocalDate to);

    /** Members of the branch holding a key role on {@code day}. */
    List<String> keyPersons(String bureau, String branch, LocalDate day);

    /** Members of the branch on {@code day}. */
    List<String> members(String bureau, String branch, LocalDate day);

    Optional<Review> review(String bureau, String assignee, String quarter);

    Optional<FiledReport> filedReport(String bureau, String month);
}

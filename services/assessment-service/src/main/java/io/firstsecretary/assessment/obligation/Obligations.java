package io.firstsecretary.assessment.obligation;

import io.firstsecretary.assessment.period.Period;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/** Reads obligations for scores, rankings, roll-ups and reports, with statuses as of today. */
@Component
public class Obligations {

    private final ObligationBook book;
    private final Clock clock;

    Obligations(ObligationBook book, Clock clock) {
        this.book = book;
        this.clock = clock;
    }

    /** Every obligation of the bureau whose period lies in {@code year}, by due day. */
    public List<ObligationView> ofYear(String bureau, int year) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), Period.ZONE);
        return book.ofYears(bureau, List.of(year)).stream()
                .sorted(BY_DUE_DAY)
                .map(o -> ObligationView.of(o, today))
                .toList();
    }

    /** The order obligations are listed in: due day, then duty, assignee and branch. */
    public static final Comparator<Obligation> BY_DUE_DAY = Comparator.comparing(Obligation::dueOn)
            .thenComparing(Obligation::duty)
            .thenComparing(Obligation::assignee, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Obligation::branch, Comparator.nullsFirst(Comparator.naturalOrder()));
}

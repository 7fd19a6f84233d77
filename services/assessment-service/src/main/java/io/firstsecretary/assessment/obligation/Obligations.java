package io.firstsecretary.assessment.obligation;

import io.firstsecretary.assessment.period.Period;
import io.firstsecretary.kit.web.Paged;
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

    /** What a list of obligations is filtered by; each absent one lets everything through. */
    public record Wanted(
            String assignee, String branch, String duty, Integer year, Period period, ObligationStatus status) {

        boolean lets(Listing l) {
            return (assignee == null || assignee.equals(l.assignee()))
                    && (branch == null || branch.equals(l.branch()))
                    && (duty == null || duty.equals(l.duty()))
                    && (year == null || l.period().startsWith(Integer.toString(year)))
                    && (period == null || period.toString().equals(l.period()));
        }
    }

    /**
     * A page of the bureau's obligations of {@code years}, by due day. The years' listings are
     * filtered and paged before any obligation is read, so a page reads its own documents only;
     * a status, being as of today, is the one filter that needs every listed document.
     */
    public Paged<ObligationView> page(String bureau, List<Integer> years, Wanted wanted, int page, int size) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), Period.ZONE);
        var listed = book.listed(bureau, years).stream().filter(wanted::lets).toList();
        if (wanted.status() != null) {
            var matching = book.ofListings(listed).stream()
                    .map(o -> ObligationView.of(o, today))
                    .filter(o -> o.status() == wanted.status())
                    .toList();
            return new Paged<>(
                    matching.stream().skip((long) page * size).limit(size).toList(), page, size, matching.size());
        }
        var items = book
                .ofListings(listed.stream().skip((long) page * size).limit(size).toList())
                .stream()
                .map(o -> ObligationView.of(o, today))
                .toList();
        return new Paged<>(items, page, size, listed.size());
    }

    /** The order obligations are listed in: due day, then duty, assignee and branch. */
    public static final Comparator<Obligation> BY_DUE_DAY = Comparator.comparing(Obligation::dueOn)
            .thenComparing(Obligation::duty)
            .thenComparing(Obligation::assignee, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Obligation::branch, Comparator.nullsFirst(Comparator.naturalOrder()));
}

package io.firstsecretary.assessment.obligation;

import io.firstsecretary.assessment.period.Period;
import io.firstsecretary.kit.web.Paged;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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
        LocalDate today = today();
        return book.ofYears(bureau, List.of(year)).stream()
                .sorted(BY_DUE_DAY)
                .map(o -> ObligationView.of(o, today))
                .toList();
    }

    /** What the bureau's year lists, by due day: no obligation is read. */
    public List<Listing> listed(String bureau, int year) {
        return book.listed(bureau, List.of(year));
    }

    /** What the year of each of the bureaus lists, by bureau: one read, no obligation read. */
    public Map<String, List<Listing>> listed(Collection<String> bureaus, int year) {
        return book.listed(bureaus, year);
    }

    /** The standing obligations of {@code listed}, in its order, with statuses as of today. */
    public List<ObligationView> of(List<Listing> listed) {
        LocalDate today = today();
        return book.ofListings(listed).stream()
                .map(o -> ObligationView.of(o, today))
                .toList();
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), Period.ZONE);
    }

    /** What a list of obligations is filtered by; each absent one lets everything through. */
    public record Wanted(
            String assignee, String branch, String duty, Integer year, Period period, ObligationStatus status) {

        boolean lets(Listing l, LocalDate today) {
            return (assignee == null || assignee.equals(l.assignee()))
                    && (branch == null || branch.equals(l.branch()))
                    && (duty == null || duty.equals(l.duty()))
                    && (year == null || l.period().startsWith(Integer.toString(year)))
                    && (period == null || period.toString().equals(l.period()))
                    && (status == null || l.statusOn(today) == status);
        }
    }

    /**
     * A page of the bureau's obligations of {@code years}, by due day: the years' listings are
     * filtered and paged before any obligation is read, so a page reads its own documents only.
     */
    public Paged<ObligationView> page(String bureau, List<Integer> years, Wanted wanted, int page, int size) {
        LocalDate today = today();
        var listed = book.listed(bureau, years).stream()
                .filter(l -> wanted.lets(l, today))
                .toList();
        var items = of(listed.stream().skip((long) page * size).limit(size).toList());
        return new Paged<>(items, page, size, listed.size());
    }

    /** The order obligations are listed in: due day, then duty, assignee and branch. */
    public static final Comparator<Obligation> BY_DUE_DAY = Comparator.comparing(Obligation::dueOn)
            .thenComparing(Obligation::duty)
            .thenComparing(Obligation::assignee, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Obligation::branch, Comparator.nullsFirst(Comparator.naturalOrder()));
}

package io.firstsecretary.assessment.year;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a year of first-secretary work should come to, worked out the simple way — day by day,
 * duty by duty, from the rules as the party-building office states them — and independently of
 * the service's code.
 */
final class YearOracle {

    static final int YEAR = 2026;
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /** A first secretary's term at a branch. */
    record Term(String member, String branch, LocalDate from, LocalDate to) {}

    /** A member of a branch with roles (nobody moves during the generated year). */
    record Member(String code, String branch, List<String> roles) {}

    /** An activity as it finally stands (latest revision), or voided. */
    record Work(
            String id,
            String type,
            String branch,
            String actor,
            LocalDate occurredOn,
            LocalDate loggedOn,
            String lecturer,
            List<String> attendees,
            List<String> participants,
            String promotionLevel,
            List<String> items,
            Map<String, String> outcomes,
            boolean voided) {

        LocalDate knownOn() {
            return loggedOn.isBefore(occurredOn) ? occurredOn : loggedOn;
        }
    }

    record Review(String member, String quarter, String grade, LocalDate recordedOn) {}

    /** What the API should show for one obligation. */
    record Expected(String status, Set<String> evidence) {}

    private record Duty(String code, int months, String type, String credit, double onTime, double late) {}

    private static final List<Duty> DUTIES = List.of(
            new Duty("GUIDANCE_OPINION", 3, "GUIDANCE_OPINION", "actor", 3, 1.5),
            new Duty("REPORT_HEARING", 3, "REPORT_HEARING", "actor", 3, 1.5),
            new Duty("FOUR_TRUE_RESEARCH", 3, "FOUR_TRUE_RESEARCH", "actor", 3, 1.5),
            new Duty("PARTY_LECTURE", 6, "PARTY_LECTURE", "lecturer", 5, 2.5),
            new Duty("KEY_PERSON_TALKS", 6, "TALK", "keyPersons", 5, 2.5),
            new Duty("ORG_LIFE_MEETING", 12, "ORG_LIFE_MEETING", "attendee", 5, 2.5),
            new Duty("SUPERVISION_INSPECTION", 12, "SUPERVISION_INSPECTION", "actor", 5, 2.5),
            new Duty("EXPERIENCE_SUMMARY", 12, "EXPERIENCE_SUMMARY", "actor", 5, 2.5),
            new Duty("MEMBER_TALK_COVERAGE", 12, "TALK", "members", 0, 0),
            new Duty("ANNUAL_COMMITMENT", 12, "ANNUAL_COMMITMENT", "actor", 3, 1.5),
            new Duty("YEAR_END_REPORT", 12, "YEAR_END_REPORT", "actor", 5, 2.5),
            new Duty("QUARTERLY_REVIEW", 3, null, "review", 0, 0));
    private static final Map<String, Double> GRADES = Map.of("EXCELLENT", 10.0, "GOOD", 8.0, "FAIR", 5.0, "POOR", 0.0);
    private static final Map<String, Double> PROMOTION =
            Map.of("BUREAU", 1.0, "MUNICIPAL", 3.0, "PROVINCIAL", 5.0, "NATIONAL", 8.0);

    private final List<Member> members;
    private final List<Work> work;
    private final List<Review> reviews;

    YearOracle(List<Member> members, List<Work> work, List<Review> reviews) {
        this.members = members;
        this.work = work.stream().filter(w -> !w.voided()).toList();
        this.reviews = reviews;
    }

    /** Obligations of a term in the year, by "DUTY PERIOD", as of {@code today}. */
    Map<String, Expected> obligations(Term term, LocalDate today) {
        var expected = new TreeMap<String, Expected>();
        for (Duty duty : DUTIES) {
            for (int first = 1; first <= 12; first += duty.months()) {
                LocalDate start = LocalDate.of(YEAR, first, 1);
                LocalDate end = start.plusMonths(duty.months()).minusDays(1);
                Optional<LocalDate[]> window = window(term, start, end);
                if (window.isEmpty()) {
                    continue;
                }
                LocalDate from = window.get()[0];
                LocalDate to = window.get()[1];
                LocalDate due = due(duty, start, end, from, to);
                var assessed = assess(duty, term, periodName(duty, first), from, to);
                if (!owes(window.get(), start, end) && assessed.completedOn() == null) {
                    continue; // too little of the period to owe it, and nothing done in it
                }
                String status;
                if (assessed.completedOn() != null) {
                    status = assessed.completedOn().isAfter(due) ? "MET_LATE" : "MET";
                } else {
                    status = today.isAfter(due) ? "OVERDUE" : "OPEN";
                }
                expected.put(duty.code() + " " + periodName(duty, first), new Expected(status, assessed.evidence()));
            }
        }
        return expected;
    }

    /** The year's points of a term, under the default scoring policy. */
    double score(Term term, LocalDate today, Optional<Double> satisfactionRate) {
        double points = 0;
        for (Duty duty : DUTIES) {
            for (int first = 1; first <= 12; first += duty.months()) {
                LocalDate start = LocalDate.of(YEAR, first, 1);
                LocalDate end = start.plusMonths(duty.months()).minusDays(1);
                var window = window(term, start, end);
                if (window.isEmpty()) {
                    continue;
                }
                var assessed = assess(duty, term, periodName(duty, first), window.get()[0], window.get()[1]);
                if (!owes(window.get(), start, end) && assessed.completedOn() == null) {
                    continue;
                }
                if (duty.credit().equals("members")) {
                    if (assessed.required() > 0 && assessed.covered() > 0) {
                        points += Math.round(10.0 * assessed.covered() / assessed.required() * 100) / 100.0;
                    }
                } else if (duty.credit().equals("review")) {
                    String quarter = periodName(duty, first);
                    points += reviews.stream()
                            .filter(r -> r.member().equals(term.member())
                                    && r.quarter().equals(quarter))
                            .mapToDouble(r -> GRADES.get(r.grade()))
                            .sum();
                } else if (assessed.completedOn() != null) {
                    LocalDate due = due(duty, start, end, window.get()[0], window.get()[1]);
                    points += assessed.completedOn().isAfter(due) ? duty.late() : duty.onTime();
                }
            }
        }
        var own = work.stream()
                .filter(w -> w.branch().equals(term.branch())
                        && w.actor().equals(term.member())
                        && inTerm(term, w.occurredOn()))
                .toList();
        for (Work w : own) {
            if (w.type().equals("EXPERIENCE_SUMMARY") && w.promotionLevel() != null) {
                points += PROMOTION.getOrDefault(w.promotionLevel(), 0.0);
            }
        }
        var commitment =
                own.stream().filter(w -> w.type().equals("ANNUAL_COMMITMENT")).max(Comparator.comparing(Work::knownOn));
        var report =
                own.stream().filter(w -> w.type().equals("YEAR_END_REPORT")).max(Comparator.comparing(Work::knownOn));
        if (commitment.isPresent() && report.isPresent()) {
            for (var outcome : report.get().outcomes().entrySet()) {
                if (commitment.get().items().contains(outcome.getKey())) {
                    points += switch (outcome.getValue()) {
                        case "ACHIEVED" -> 2;
                        case "PARTLY_ACHIEVED" -> 1;
                        default -> 0;
                    };
                }
            }
        }
        if (satisfactionRate.isPresent()) {
            points += Math.round(10 * satisfactionRate.get() * 100) / 100.0;
        }
        return Math.round(points * 100) / 100.0;
    }

    private record Assessment(LocalDate completedOn, Set<String> evidence, int required, int covered) {}

    private Assessment assess(Duty duty, Term term, String period, LocalDate from, LocalDate to) {
        if (duty.credit().equals("review")) {
            return reviews.stream()
                    .filter(r -> r.member().equals(term.member()) && r.quarter().equals(period))
                    .findFirst()
                    .map(r -> new Assessment(r.recordedOn(), Set.of("review"), 0, 0))
                    .orElse(new Assessment(null, Set.of(), 0, 0));
        }
        var inWindow = work.stream()
                .filter(w -> w.branch().equals(term.branch())
                        && w.type().equals(duty.type())
                        && !w.occurredOn().isBefore(from)
                        && !w.occurredOn().isAfter(to))
                .toList();
        if (duty.credit().equals("keyPersons") || duty.credit().equals("members")) {
            var required = new TreeSet<String>();
            for (Member m : members) {
                boolean key = m.roles().stream()
                        .anyMatch(r -> Set.of("BRANCH_SECRETARY", "BRANCH_COMMITTEE", "GROUP_LEADER")
                                .contains(r));
                if (m.branch().equals(term.branch())
                        && !m.code().equals(term.member())
                        && (duty.credit().equals("members") || key)) {
                    required.add(m.code());
                }
            }
            var talks = inWindow.stream()
                    .filter(w -> w.actor().equals(term.member()))
                    .toList();
            var evidence = new TreeSet<String>();
            LocalDate completed = from;
            int covered = 0;
            // the evidence of coverage: for each person, the talk with them known first
            for (String person : required) {
                var earliest = talks.stream()
                        .filter(t -> t.participants().contains(person))
                        .min(Comparator.comparing(Work::knownOn)
                                .thenComparing(Work::occurredOn)
                                .thenComparing(Work::id));
                if (earliest.isPresent()) {
                    covered++;
                    LocalDate known = earliest.get().knownOn();
                    completed = known.isAfter(completed) ? known : completed;
                    evidence.add(earliest.get().id());
                }
            }
            boolean met = !required.isEmpty() && covered == required.size();
            return new Assessment(met ? completed : null, evidence, required.size(), covered);
        }
        var credited = inWindow.stream()
                .filter(w -> switch (duty.credit()) {
                    case "lecturer" -> (w.lecturer() == null ? w.actor() : w.lecturer()).equals(term.member());
                    case "attendee" -> w.attendees().contains(term.member());
                    default -> w.actor().equals(term.member());
                })
                .toList();
        var evidence = new TreeSet<String>();
        credited.forEach(w -> evidence.add(w.id()));
        var completed = credited.stream()
                .map(Work::knownOn)
                .min(Comparator.naturalOrder())
                .orElse(null);
        return new Assessment(completed, evidence, 0, 0);
    }

    /** The days of the period inside the term, if any; {@link #owes} says whether they are enough. */
    private static Optional<LocalDate[]> window(Term term, LocalDate start, LocalDate end) {
        LocalDate first = null;
        LocalDate last = null;
        int covered = 0;
        for (LocalDate d = start; !d.isAfter(end); d = d.plusDays(1)) {
            if (inTerm(term, d)) {
                covered++;
                first = first == null ? d : first;
                last = d;
            }
        }
        return covered > 0 ? Optional.of(new LocalDate[] {first, last}) : Optional.empty();
    }

    /** A term owes a period when it covers at least half of its days. */
    private static boolean owes(LocalDate[] window, LocalDate start, LocalDate end) {
        long days = ChronoUnit.DAYS.between(start, end) + 1;
        long covered = ChronoUnit.DAYS.between(window[0], window[1]) + 1;
        return covered * 2 >= days;
    }

    private static boolean inTerm(Term term, LocalDate day) {
        return !day.isBefore(term.from()) && (term.to() == null || !day.isAfter(term.to()));
    }

    private static LocalDate due(Duty duty, LocalDate start, LocalDate end, LocalDate from, LocalDate to) {
        int grace = duty.code().equals("QUARTERLY_REVIEW") ? 15 : 0;
        LocalDate due = duty.code().equals("ANNUAL_COMMITMENT") ? LocalDate.of(YEAR, 3, 31) : end.plusDays(grace);
        if (duty.code().equals("ANNUAL_COMMITMENT") && from.isAfter(start)) {
            LocalDate shifted = from.plusDays(ChronoUnit.DAYS.between(start, due));
            due = shifted.isAfter(due) ? shifted : due;
        }
        if (to.plusDays(grace).isBefore(due)) {
            due = to.plusDays(grace);
        }
        return due;
    }

    private static String periodName(Duty duty, int firstMonth) {
        return switch (duty.months()) {
            case 3 -> YEAR + "-Q" + ((firstMonth - 1) / 3 + 1);
            case 6 -> YEAR + "-H" + ((firstMonth - 1) / 6 + 1);
            default -> Integer.toString(YEAR);
        };
    }

    static Map<String, Expected> ordered(Map<String, Expected> map) {
        return new LinkedHashMap<>(new TreeMap<>(map));
    }

    static List<String> sorted(Set<String> set) {
        return new ArrayList<>(new TreeSet<>(set));
    }
}

package io.firstsecretary.assessment.obligation;

import io.firstsecretary.assessment.catalogue.Duty;
import io.firstsecretary.assessment.catalogue.DutyCatalogue;
import io.firstsecretary.assessment.facts.Assignment;
import io.firstsecretary.assessment.facts.Knowledge;
import io.firstsecretary.assessment.facts.RecordedActivity;
import io.firstsecretary.assessment.period.Cadence;
import io.firstsecretary.assessment.period.Period;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * What is owed, and whether the evidence meets it: pure functions of the catalogue, the term and
 * the recorded facts, so obligations can be recomputed at any time and always come out the same.
 *
 * <p>Terms that start or end mid-period: a period is owed by an assignment only if the term covers
 * at least the catalogue's {@code minimumCoverage} of its days (default half), though work done in
 * a shorter stretch of it still meets (and scores) the duty; work counts only
 * inside the term; a duty falls due at the end of the term if the term ends first; a duty due a
 * fixed day (年初承诺, 31 March) for a term starting later is due as long after the start of the
 * term as it would be after the start of the year.
 */
public final class ObligationRules {

    private ObligationRules() {}

    /**
     * The obligations {@code assignment} owes in {@code year}, under the catalogue in force on each
     * period's start; those of periods the term covers too little of are {@code optional}: they
     * count only if the work was done all the same.
     */
    public static List<Owed> owedBy(
            Assignment assignment, int year, Function<LocalDate, Optional<DutyCatalogue>> catalogueOn) {
        var owed = new ArrayList<Owed>();
        LocalDate termStart = assignment.from();
        LocalDate termEnd = assignment.endWithin(year);
        for (Cadence cadence : Cadence.values()) {
            for (Period period : Period.ofYear(cadence, year)) {
                var catalogue = catalogueOn.apply(period.start());
                if (catalogue.isEmpty()) {
                    continue;
                }
                LocalDate from = max(period.start(), termStart);
                LocalDate to = min(period.end(), termEnd);
                if (to.isBefore(from)) {
                    continue;
                }
                boolean optional = !covers(period, from, to, catalogue.get().minimumCoverage());
                for (Duty duty : catalogue.get().active(Duty.Scope.ASSIGNMENT)) {
                    if (duty.cadence() == cadence) {
                        owed.add(new Owed(
                                idOf(assignment.id(), duty.code(), period),
                                duty,
                                period,
                                assignment.bureau(),
                                assignment.bureauPath(),
                                assignment.id(),
                                assignment.member(),
                                assignment.branch(),
                                from,
                                to,
                                dueOn(duty, period, from, to),
                                optional));
                    }
                }
            }
        }
        return owed;
    }

    /** The bureau's own obligations in {@code year} (每月局务会专题汇报). */
    public static List<Owed> owedByBureau(
            String bureau, List<String> path, int year, Function<LocalDate, Optional<DutyCatalogue>> catalogueOn) {
        return owedWholePeriods(Duty.Scope.BUREAU, "bureau:" + bureau, bureau, path, null, year, catalogueOn);
    }

    /** The branch's own obligations in {@code year} (三会一课, 主题党日), when the section is on. */
    public static List<Owed> owedByBranch(
            String bureau,
            List<String> path,
            String branch,
            int year,
            Function<LocalDate, Optional<DutyCatalogue>> catalogueOn) {
        return owedWholePeriods(
                Duty.Scope.BRANCH, "branch:" + bureau + "/" + branch, bureau, path, branch, year, catalogueOn);
    }

    private static List<Owed> owedWholePeriods(
            Duty.Scope scope,
            String scopeKey,
            String bureau,
            List<String> path,
            String branch,
            int year,
            Function<LocalDate, Optional<DutyCatalogue>> catalogueOn) {
        var owed = new ArrayList<Owed>();
        for (Cadence cadence : Cadence.values()) {
            for (Period period : Period.ofYear(cadence, year)) {
                for (Duty duty : catalogueOn
                        .apply(period.start())
                        .map(c -> c.active(scope))
                        .orElse(List.of())) {
                    if (duty.cadence() == cadence) {
                        owed.add(new Owed(
                                idOf(scopeKey, duty.code(), period),
                                duty,
                                period,
                                bureau,
                                path,
                                scopeKey,
                                null,
                                branch,
                                period.start(),
                                period.end(),
                                duty.dueOn(period),
                                false));
                    }
                }
            }
        }
        return owed;
    }

    /** Whether the evidence known meets {@code owed}, with which records and since when. */
    public static Assessed assess(Owed owed, Knowledge knowledge) {
        Duty duty = owed.duty();
        return switch (duty.rule()) {
            case ACTIVITIES -> byActivities(owed, credited(owed, knowledge));
            case EACH_KEY_PERSON ->
                byTalks(owed, knowledge, knowledge.keyPersons(owed.bureau(), owed.branch(), owed.windowEnd()));
            case EVERY_MEMBER ->
                byTalks(owed, knowledge, knowledge.members(owed.bureau(), owed.branch(), owed.windowEnd()));
            case REVIEW ->
                knowledge
                        .review(owed.bureau(), owed.assignee(), owed.period().toString())
                        .map(r -> met(owed, List.of(r.id()), LocalDate.ofInstant(r.recordedAt(), Period.ZONE)))
                        .orElseGet(() -> unmet(owed, List.of(), List.of()));
            case REPORT ->
                knowledge
                        .filedReport(owed.bureau(), owed.period().toString())
                        .map(r -> met(owed, List.of(r.id()), LocalDate.ofInstant(r.filedAt(), Period.ZONE)))
                        .orElseGet(() -> unmet(owed, List.of(), List.of()));
        };
    }

    /** The activity types whose ledgers deciding an obligation of {@code duty} reads. */
    public static List<String> typesRead(Duty duty) {
        return duty.rule() == Duty.Rule.ACTIVITIES ? duty.fulfilledBy() : List.of("TALK");
    }

    private static List<RecordedActivity> credited(Owed owed, Knowledge knowledge) {
        Duty duty = owed.duty();
        return knowledge
                .activities(owed.bureau(), owed.branch(), typesRead(duty), owed.windowStart(), owed.windowEnd())
                .stream()
                .filter(a -> duty.countsActivity(a.type()))
                .filter(a -> switch (duty.creditedTo()) {
                    case ACTOR -> a.actor().equals(owed.assignee());
                    case LECTURER -> (a.lecturer() == null ? a.actor() : a.lecturer()).equals(owed.assignee());
                    case ATTENDEE -> a.attendees().contains(owed.assignee());
                    case BRANCH -> true;
                })
                .sorted(byKnownOn())
                .toList();
    }

    private static Assessed byActivities(Owed owed, List<RecordedActivity> credited) {
        var evidence = credited.stream().map(RecordedActivity::id).toList();
        int needed = owed.duty().minimumCount();
        if (credited.size() < needed) {
            return unmet(owed, evidence, List.of());
        }
        return met(owed, evidence, credited.get(needed - 1).knownOn());
    }

    /**
     * Met when every required person has been talked with. The evidence is, for each of them, the
     * first talk with them: what coverage rests on, so talking again with someone already covered
     * changes nothing and the evidence stays as small as the branch.
     */
    private static Assessed byTalks(Owed owed, Knowledge knowledge, List<String> people) {
        var required = people.stream()
                .filter(p -> !p.equals(owed.assignee()))
                .distinct()
                .sorted()
                .toList();
        var uncovered = new HashSet<>(required);
        var ids = new ArrayList<String>();
        LocalDate completedOn = owed.windowStart();
        for (RecordedActivity talk : credited(owed, knowledge)) {
            boolean coversSomeone = false;
            for (String participant : talk.participants()) {
                coversSomeone |= uncovered.remove(participant);
            }
            if (coversSomeone) {
                ids.add(talk.id());
                completedOn = max(completedOn, talk.knownOn());
            }
        }
        var missing = required.stream().filter(uncovered::contains).toList();
        if (required.isEmpty() || !missing.isEmpty()) {
            return new Assessed(owed, false, null, ids, required, missing);
        }
        return new Assessed(owed, true, completedOn, ids, required, List.of());
    }

    private static Assessed met(Owed owed, List<String> evidence, LocalDate completedOn) {
        return new Assessed(owed, true, completedOn, evidence, List.of(), List.of());
    }

    private static Assessed unmet(Owed owed, List<String> evidence, List<String> missing) {
        return new Assessed(owed, false, null, evidence, List.of(), missing);
    }

    private static Comparator<RecordedActivity> byKnownOn() {
        return Comparator.comparing(RecordedActivity::knownOn)
                .thenComparing(RecordedActivity::occurredOn)
                .thenComparing(RecordedActivity::id);
    }

    static boolean covers(Period period, LocalDate from, LocalDate to, double minimumCoverage) {
        long days = ChronoUnit.DAYS.between(period.start(), period.end()) + 1;
        long covered = ChronoUnit.DAYS.between(from, to) + 1;
        return covered >= Math.ceil(days * minimumCoverage);
    }

    static LocalDate dueOn(Duty duty, Period period, LocalDate from, LocalDate to) {
        LocalDate due = duty.dueOn(period);
        if (duty.dueBy() != null && from.isAfter(period.start())) {
            due = max(due, from.plusDays(ChronoUnit.DAYS.between(period.start(), due)));
        }
        // never due after the term's part of the period (and its grace days) is over
        return min(due, to.plusDays(duty.graceDays()));
    }

    public static String idOf(String scopeKey, String duty, Period period) {
        return UUID.nameUUIDFromBytes((scopeKey + "|" + duty + "|" + period).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}

package io.firstsecretary.assessment.report;

import io.firstsecretary.assessment.catalogue.Catalogues;
import io.firstsecretary.assessment.catalogue.Duty;
import io.firstsecretary.assessment.competition.Rankings;
import io.firstsecretary.assessment.facts.Bureau;
import io.firstsecretary.assessment.facts.BureauPaths;
import io.firstsecretary.assessment.facts.Facts;
import io.firstsecretary.assessment.facts.RecordedActivity;
import io.firstsecretary.assessment.obligation.ObligationStatus;
import io.firstsecretary.assessment.obligation.Obligations;
import io.firstsecretary.assessment.period.Cadence;
import io.firstsecretary.assessment.period.Period;
import io.firstsecretary.assessment.scoring.Scorecard;
import io.firstsecretary.assessment.scoring.Scorecards;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** Builds the {@link BureauMeetingReport} of a month from the projections. */
@Service
class ReportGenerator {

    private static final Set<String> HIGHLIGHTED = Set.of(
            "PARTY_LECTURE", "SUPERVISION_INSPECTION", "EXPERIENCE_SUMMARY", "FOUR_TRUE_RESEARCH", "GUIDANCE_OPINION");
    private static final int HIGHLIGHTS = 20;

    private final Facts facts;
    private final Obligations obligations;
    private final Scorecards scorecards;
    private final Rankings rankings;
    private final Catalogues catalogues;
    private final BureauPaths paths;
    private final ReportRemarks remarks;
    private final Clock clock;

    ReportGenerator(
            Facts facts,
            Obligations obligations,
            Scorecards scorecards,
            Rankings rankings,
            Catalogues catalogues,
            BureauPaths paths,
            ReportRemarks remarks,
            Clock clock) {
        this.facts = facts;
        this.obligations = obligations;
        this.scorecards = scorecards;
        this.rankings = rankings;
        this.catalogues = catalogues;
        this.paths = paths;
        this.remarks = remarks;
        this.clock = clock;
    }

    BureauMeetingReport generate(String bureau, Period month) {
        var path = paths.of(bureau);
        LocalDate today = LocalDate.ofInstant(clock.instant(), Period.ZONE);
        LocalDate asOf = month.end().isBefore(today) ? month.end() : today;
        Period quarter = Period.containing(Cadence.QUARTER, month.start());
        var dutyNames = catalogues
                .forBureau(path)
                .apply(month.start())
                .map(c -> c.duties().stream().collect(Collectors.toMap(Duty::code, Duty::name)))
                .orElse(Map.of());
        var ofYear = obligations.ofYear(bureau, month.year()).stream()
                .filter(o -> "FIRST_SECRETARY".equals(o.owedBy()))
                .toList();
        var cards = scorecards.ofBureau(bureau, month.year());
        var lines = new ArrayList<BureauMeetingReport.FirstSecretaryLine>();
        var behind = new ArrayList<BureauMeetingReport.Behind>();
        var talks = new ArrayList<BureauMeetingReport.TalkLine>();
        for (Scorecard card : cards) {
            var own = ofYear.stream()
                    .filter(o -> card.assignee().equals(o.assignee())
                            && card.branch().equals(o.branch()))
                    .toList();
            var inQuarter =
                    own.stream().filter(o -> quarter.contains(o.dueOn())).toList();
            lines.add(new BureauMeetingReport.FirstSecretaryLine(
                    card.assignee(),
                    card.name(),
                    card.branch(),
                    facts.branchName(bureau, card.branch()),
                    own.stream()
                            .filter(o -> o.status().met() && o.completedOn() != null && month.contains(o.completedOn()))
                            .map(o -> o.duty() + " " + o.period())
                            .toList(),
                    (int) inQuarter.stream().filter(o -> o.status().met()).count(),
                    (int) inQuarter.stream()
                            .filter(o -> o.status() != ObligationStatus.WAIVED)
                            .count(),
                    (int) own.stream()
                            .filter(o -> o.status() == ObligationStatus.OVERDUE)
                            .count(),
                    card.total()));
            own.stream()
                    .filter(o -> o.status() == ObligationStatus.OVERDUE
                            || (o.status() == ObligationStatus.OPEN
                                    && !o.dueOn().isAfter(asOf.plusMonths(1))))
                    .forEach(o -> behind.add(new BureauMeetingReport.Behind(
                            card.assignee(),
                            card.name(),
                            card.branch(),
                            o.duty(),
                            dutyNames.getOrDefault(o.duty(), o.duty()),
                            o.period(),
                            o.dueOn(),
                            o.status().name())));
            own.stream()
                    .filter(o -> o.duty().equals("MEMBER_TALK_COVERAGE") && o.required() != null)
                    .findFirst()
                    .ifPresent(o -> {
                        int required = o.required().size();
                        int covered = required - o.missing().size();
                        talks.add(new BureauMeetingReport.TalkLine(
                                card.assignee(),
                                card.name(),
                                card.branch(),
                                required,
                                covered,
                                required == 0 ? 0 : Math.round(1000.0 * covered / required) / 1000.0));
                    });
        }
        behind.sort(Comparator.comparing(BureauMeetingReport.Behind::dueOn)
                .thenComparing(BureauMeetingReport.Behind::assignee));
        var activities = facts.activitiesOfBureau(bureau, month.start(), month.end());
        var highlights = activities.stream()
                .filter(a -> HIGHLIGHTED.contains(a.type()))
                .sorted(Comparator.comparing((RecordedActivity a) -> a.promotionLevel() == null ? 1 : 0)
                        .thenComparing(a -> a.occurredOn()))
                .limit(HIGHLIGHTS)
                .map(a -> new BureauMeetingReport.Highlight(
                        a.id(),
                        a.type(),
                        a.occurredOn(),
                        facts.branchName(bureau, a.branch()),
                        facts.memberName(bureau, a.actor()),
                        a.title(),
                        a.promotionLevel() == null ? null : "推广层级 " + a.promotionLevel()))
                .toList();
        var dueThisMonth =
                ofYear.stream().filter(o -> month.contains(o.dueOn())).toList();
        // what has fallen due in the quarter so far, and what was met ahead of its due day
        var dueInQuarter = ofYear.stream()
                .filter(o -> quarter.contains(o.dueOn())
                        && (!o.dueOn().isAfter(asOf) || o.status().met()))
                .filter(o -> o.status() != ObligationStatus.WAIVED)
                .toList();
        long metInQuarter = dueInQuarter.stream().filter(o -> o.status().met()).count();
        var summary = new BureauMeetingReport.Summary(
                cards.size(),
                dueThisMonth.size(),
                (int) ofYear.stream()
                        .filter(o -> o.status().met() && o.completedOn() != null && month.contains(o.completedOn()))
                        .count(),
                (int) ofYear.stream()
                        .filter(o -> o.status() == ObligationStatus.OVERDUE)
                        .count(),
                dueInQuarter.isEmpty() ? null : Math.round(1000.0 * metInQuarter / dueInQuarter.size()) / 1000.0,
                activities.size());
        var filed = facts.filedReport(bureau, month.toString())
                .map(f -> new BureauMeetingReport.Filed(f.filedBy(), f.filedAt()))
                .orElse(null);
        return new BureauMeetingReport(
                bureau,
                facts.bureau(bureau).map(Bureau::name).orElse(bureau),
                month.toString(),
                quarter.toString(),
                asOf,
                clock.instant(),
                summary,
                lines,
                behind,
                talks,
                rankings.of(bureau, month),
                rankings.of(bureau, quarter),
                highlights,
                remarks.find(bureau, month.toString())
                        .filter(r -> !r.text().isBlank())
                        .map(r -> new BureauMeetingReport.Remarks(r.text(), r.writtenBy(), r.writtenAt()))
                        .orElse(null),
                filed);
    }
}

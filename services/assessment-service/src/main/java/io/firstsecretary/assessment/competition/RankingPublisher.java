package io.firstsecretary.assessment.competition;

import io.firstsecretary.assessment.facts.Bureau;
import io.firstsecretary.assessment.facts.Facts;
import io.firstsecretary.assessment.period.Cadence;
import io.firstsecretary.assessment.period.Period;
import io.firstsecretary.contracts.Events;
import io.firstsecretary.contracts.assessment.RankingPublished;
import io.firstsecretary.kit.outbox.Outbox;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.annotation.Id;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Publishes the result of each closed month, quarter and year once per bureau and group, as a
 * {@code RankingPublished} event stored with the result (outbox). Only the latest closed period of
 * each kind is published, so a platform started late does not announce years of history.
 */
@Component
public class RankingPublisher {

    static final String RANKINGS = "rankings";
    static final int SETTLING = 15;
    private static final Logger log = LoggerFactory.getLogger(RankingPublisher.class);

    private final Rankings rankings;
    private final Facts facts;
    private final Outbox outbox;
    private final Clock clock;

    RankingPublisher(Rankings rankings, Facts facts, Outbox outbox, Clock clock) {
        this.rankings = rankings;
        this.facts = facts;
        this.outbox = outbox;
        this.clock = clock;
    }

    record PublishedRanking(
            @Id String id,
            String bureau,
            String period,
            String group,
            List<RankingPublished.Entry> items,
            Instant publishedAt) {}

    @Scheduled(
            initialDelayString = "${firstsec.rankings.publish-delay:PT30S}",
            fixedDelayString = "${firstsec.rankings.publish-every:PT10M}")
    public int publishClosedPeriods() {
        int published = 0;
        LocalDate today = LocalDate.ofInstant(clock.instant(), Period.ZONE);
        for (String bureau : facts.bureausWithAssignments()) {
            for (Cadence cadence : List.of(Cadence.MONTH, Cadence.QUARTER, Cadence.YEAR)) {
                published += publish(bureau, lastClosed(cadence, today));
            }
        }
        return published;
    }

    /**
     * Publishes {@code period}'s ranking of {@code bureau} unless it already was; the number of
     * groups published.
     */
    int publish(String bureau, Period period) {
        var path = facts.bureau(bureau).map(Bureau::path).orElse(List.of(bureau));
        var byGroup = new LinkedHashMap<String, List<RankingPublished.Entry>>();
        for (Standing s : rankings.of(bureau, period)) {
            byGroup.computeIfAbsent(s.group(), g -> new ArrayList<>())
                    .add(new RankingPublished.Entry(s.rank(), s.assignee(), s.branch(), s.score(), s.flag()));
        }
        int published = 0;
        for (var group : byGroup.entrySet()) {
            String id = bureau + ":" + period + ":" + group.getKey();
            var result = new PublishedRanking(
                    id, bureau, period.toString(), group.getKey(), group.getValue(), clock.instant());
            var event = outbox.event(
                    Events.RANKING_PUBLISHED,
                    id,
                    "bureaus/" + bureau + "/rankings/" + id,
                    bureau,
                    path,
                    new RankingPublished(
                            id,
                            bureau,
                            path,
                            period.toString(),
                            group.getKey(),
                            group.getValue(),
                            result.publishedAt()));
            if (outbox.insertIfAbsent(RANKINGS, id, result, List.of(event))) {
                published++;
                log.info("Published the {} ranking of {} group {}", period, bureau, group.getKey());
            }
        }
        return published;
    }

    /**
     * The latest period that closed at least {@link #SETTLING} days ago, so that the quarterly reviews
     * and the work recorded in the days after the close are in its result.
     */
    static Period lastClosed(Cadence cadence, LocalDate today) {
        LocalDate settled = today.minusDays(SETTLING);
        return Period.containing(
                cadence, Period.containing(cadence, settled).start().minusDays(1));
    }
}

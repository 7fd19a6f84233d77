package io.firstsecretary.contracts.assessment;

import java.time.Instant;
import java.util.List;

/**
 * The labour competition's (劳动竞赛) result for a closed period and group: 月评排名, 季考夺旗
 * ({@code flag} on the winners) or 年争位次.
 */
public record RankingPublished(
        String id,
        String bureau,
        List<String> bureauPath,
        String period,
        String group,
        List<Entry> items,
        Instant publishedAt) {

    /** One first secretary's place in the ranking; {@code flag} marks a flag winner (夺旗). */
    public record Entry(int rank, String assignee, String branch, double score, boolean flag) {}
}

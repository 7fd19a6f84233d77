package io.firstsecretary.assessment.competition;

import java.util.List;

/**
 * One first secretary's place in a ranking of the labour competition (劳动竞赛).
 *
 * @param flag won the quarter's flag (季考夺旗)
 * @param vetoes why the first secretary cannot win the flag this quarter, e.g. an overdue duty
 */
public record Standing(
        int rank,
        String assignee,
        String name,
        String bureau,
        String branch,
        String group,
        double score,
        boolean flag,
        List<String> vetoes) {}

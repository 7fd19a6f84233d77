package io.firstsecretary.assessment.facts;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;

/** The bureau party committee's quarterly review (按季度点评) of a first secretary; the latest one counts. */
public record Review(
        @Id String id,
        String bureau,
        List<String> bureauPath,
        String assignee,
        String branch,
        String quarter,
        Grade grade,
        String comment,
        String reviewedBy,
        Instant recordedAt) {

    /** 优秀 / 良好 / 一般 / 较差. */
    public enum Grade {
        EXCELLENT,
        GOOD,
        FAIR,
        POOR
    }

    public static String idOf(String bureau, String assignee, String quarter) {
        return bureau + ":" + assignee + ":" + quarter;
    }
}

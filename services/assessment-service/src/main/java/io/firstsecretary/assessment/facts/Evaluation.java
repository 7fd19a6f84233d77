package io.firstsecretary.assessment.facts;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;

/** Members' year-end 评议 of a first secretary's 年底述职: one rating per member. */
public record Evaluation(
        @Id String id,
        String bureau,
        List<String> bureauPath,
        String assignee,
        String branch,
        int year,
        List<Rating> ratings,
        Instant recordedAt) {

    /** 满意 / 基本满意 / 不满意. */
    public enum Verdict {
        SATISFIED,
        BASICALLY_SATISFIED,
        DISSATISFIED
    }

    public record Rating(String member, Verdict rating) {}

    public static String idOf(String bureau, String assignee, int year) {
        return bureau + ":" + assignee + ":" + year;
    }

    public long count(Verdict verdict) {
        return ratings.stream().filter(r -> r.rating() == verdict).count();
    }

    /** (满意 + 基本满意) / all ratings; 0 without ratings. */
    public double satisfactionRate() {
        return ratings.isEmpty()
                ? 0
                : (double) (count(Verdict.SATISFIED) + count(Verdict.BASICALLY_SATISFIED)) / ratings.size();
    }
}

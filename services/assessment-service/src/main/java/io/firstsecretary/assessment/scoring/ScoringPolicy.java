package io.firstsecretary.assessment.scoring;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Map;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * How recorded work turns into points: data, versioned per bureau, applying from {@code
 * effectiveFrom}.
 *
 * @param duties points for each met duty, on time or late (MET_LATE)
 * @param talkCoverage points for talking with every member (谈心谈话全覆盖), pro rata to the share
 * @param reviewGrades points for each quarterly review grade (优秀/良好/一般/较差)
 * @param promotionBonus bonus for an experience (成功经验) promoted at a level
 * @param satisfactionPoints points times the year-end 评议 satisfaction rate
 * @param commitmentItem points per 年初承诺 item achieved or partly achieved by the 年底述职
 * @param vetoes what takes a first secretary out of the quarter's flag (季考夺旗)
 */
public record ScoringPolicy(
        String version,
        LocalDate effectiveFrom,
        Map<String, DutyPoints> duties,
        TalkCoverage talkCoverage,
        Map<String, Double> reviewGrades,
        Map<String, Double> promotionBonus,
        double satisfactionPoints,
        CommitmentPoints commitmentItem,
        Vetoes vetoes) {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    public ScoringPolicy {
        duties = duties == null ? Map.of() : Map.copyOf(duties);
        reviewGrades = reviewGrades == null ? Map.of() : Map.copyOf(reviewGrades);
        promotionBonus = promotionBonus == null ? Map.of() : Map.copyOf(promotionBonus);
        talkCoverage = talkCoverage == null ? new TalkCoverage("MEMBER_TALK_COVERAGE", 0) : talkCoverage;
        commitmentItem = commitmentItem == null ? new CommitmentPoints(0, 0) : commitmentItem;
        vetoes = vetoes == null ? new Vetoes(true, true) : vetoes;
    }

    public static ScoringPolicy defaultPolicy() {
        try (InputStream in = ScoringPolicy.class.getResourceAsStream("/scoring/default-policy.json")) {
            return JSON.readValue(in, ScoringPolicy.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public record DutyPoints(double onTime, double late) {}

    public record TalkCoverage(String duty, double points) {}

    public record CommitmentPoints(double achieved, double partlyAchieved) {}

    public record Vetoes(boolean overdueDuty, boolean poorReview) {}
}

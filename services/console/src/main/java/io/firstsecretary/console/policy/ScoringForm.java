package io.firstsecretary.console.policy;

import static io.firstsecretary.console.policy.Versioning.blank;

import io.firstsecretary.console.api.ApiProblem;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.validation.Errors;

/**
 * The 计分办法 in people's terms, points as text: how the page shows the version in force, and the form a
 * new version is filled in on. The talk-coverage duty stays the one the version in force names.
 *
 * @param duties the duties a first secretary owes, each with its points on time and late; blank scores nothing
 * @param reviewGrades the points of each grade of the quarterly review
 * @param promotionBonus the bonus of each level an experience is promoted at; blank earns nothing
 * @param achieved points for a 年初承诺 item achieved, {@code partlyAchieved} for one partly achieved
 */
record ScoringForm(
        String effectiveFrom,
        List<DutyRow> duties,
        String talkCoverage,
        List<Points> reviewGrades,
        List<Points> promotionBonus,
        String satisfactionPoints,
        String achieved,
        String partlyAchieved,
        boolean overdueDutyVeto,
        boolean poorReviewVeto) {

    static final List<String> GRADES = List.of("EXCELLENT", "GOOD", "FAIR", "POOR");
    static final List<String> LEVELS = List.of("BRANCH", "BUREAU", "MUNICIPAL", "PROVINCIAL", "NATIONAL");
    private static final BigDecimal MAX = BigDecimal.valueOf(1000);

    private static final Pattern KEYED = Pattern.compile("(duties|reviewGrades|promotionBonus)\\.([\\w-]+)(\\.late)?");

    ScoringForm {
        duties = duties == null ? List.of() : List.copyOf(duties);
        reviewGrades = reviewGrades == null ? List.of() : List.copyOf(reviewGrades);
        promotionBonus = promotionBonus == null ? List.of() : List.copyOf(promotionBonus);
    }

    record DutyRow(String code, String onTime, String late) {}

    record Points(String key, String points) {}

    /**
     * The policy with a row for each duty the catalogue has a first secretary owe, in its order, and for any
     * other duty the policy scores; the duty scored by talk coverage has its own line.
     */
    static ScoringForm of(ScoringPolicy policy, DutyCatalogue catalogue, String effectiveFrom) {
        var codes = new ArrayList<String>();
        catalogue.duties().stream()
                .filter(d -> "FIRST_SECRETARY".equals(d.owedBy()))
                .forEach(d -> codes.add(d.code()));
        var others = policy.duties().keySet().stream()
                .filter(code -> !codes.contains(code))
                .sorted()
                .toList();
        codes.addAll(others);
        codes.remove(policy.talkCoverage().duty());
        var duties = codes.stream()
                .map(code -> {
                    var points = policy.duties().get(code);
                    return points == null
                            ? new DutyRow(code, "", "")
                            : new DutyRow(code, text(points.onTime()), text(points.late()));
                })
                .toList();
        return new ScoringForm(
                effectiveFrom,
                duties,
                text(policy.talkCoverage().points()),
                GRADES.stream()
                        .map(g -> new Points(g, text(policy.reviewGrades().getOrDefault(g, 0.0))))
                        .toList(),
                LEVELS.stream()
                        .map(l -> new Points(
                                l,
                                policy.promotionBonus().containsKey(l)
                                        ? text(policy.promotionBonus().get(l))
                                        : ""))
                        .toList(),
                text(policy.satisfactionPoints()),
                text(policy.commitmentItem().achieved()),
                text(policy.commitmentItem().partlyAchieved()),
                policy.vetoes().overdueDuty(),
                policy.vetoes().poorReview());
    }

    /** What a person can get wrong, found before the API is asked: the same limits the API sets. */
    void validate(ScoringPolicy inForce, Errors errors) {
        Versioning.checkEffectiveFrom(effectiveFrom, inForce.effectiveFrom(), errors, "scoring");
        for (int i = 0; i < duties.size(); i++) {
            var row = duties.get(i);
            if (blank(row.onTime()) && blank(row.late())) {
                continue;
            }
            var onTime = points(row.onTime());
            var late = points(row.late());
            if (onTime == null) {
                errors.rejectValue("duties[" + i + "].onTime", "scoring.error.points");
            }
            if (late == null) {
                errors.rejectValue("duties[" + i + "].late", "scoring.error.points");
            } else if (onTime != null && late.compareTo(onTime) > 0) {
                errors.rejectValue("duties[" + i + "].late", "scoring.error.late");
            }
        }
        for (int i = 0; i < reviewGrades.size(); i++) {
            required(reviewGrades.get(i).points(), "reviewGrades[" + i + "].points", errors);
        }
        for (int i = 0; i < promotionBonus.size(); i++) {
            if (!blank(promotionBonus.get(i).points())) {
                required(promotionBonus.get(i).points(), "promotionBonus[" + i + "].points", errors);
            }
        }
        required(talkCoverage, "talkCoverage", errors);
        required(satisfactionPoints, "satisfactionPoints", errors);
        required(achieved, "achieved", errors);
        required(partlyAchieved, "partlyAchieved", errors);
    }

    /** The new version: everything from this form, but the talk-coverage duty of the version in force. */
    ScoringPolicy policy(String version, ScoringPolicy inForce) {
        var scored = new LinkedHashMap<String, ScoringPolicy.DutyPoints>();
        duties.stream()
                .filter(r -> !blank(r.onTime()))
                .forEach(r -> scored.put(r.code(), new ScoringPolicy.DutyPoints(value(r.onTime()), value(r.late()))));
        return new ScoringPolicy(
                version,
                Versioning.day(effectiveFrom),
                scored,
                new ScoringPolicy.TalkCoverage(inForce.talkCoverage().duty(), value(talkCoverage)),
                values(reviewGrades),
                values(promotionBonus),
                value(satisfactionPoints),
                new ScoringPolicy.CommitmentPoints(value(achieved), value(partlyAchieved)),
                new ScoringPolicy.Vetoes(overdueDutyVeto, poorReviewVeto));
    }

    /**
     * Puts the API's refusal on the form: an error about a field the form has goes on that field, in the
     * console's words for it; any other is shown above the form as the API gave it.
     */
    void reject(ApiProblem problem, Errors errors) {
        for (var error : problem.errors()) {
            String field = fieldOf(error.field());
            if (field == null) {
                errors.reject("scoring.error.api", new Object[] {error.message()}, error.message());
            } else if (field.equals("effectiveFrom")) {
                errors.rejectValue(field, "scoring.error.effectiveFrom");
            } else {
                // the API names a duty's late points only when they exceed those on time
                errors.rejectValue(field, field.endsWith(".late") ? "scoring.error.late" : "scoring.error.points");
            }
        }
        if (problem.errors().isEmpty()) {
            errors.reject("scoring.error.api", new Object[] {problem.getMessage()}, problem.getMessage());
        }
    }

    /** The form field an API error names: {@code duties.PARTY_LECTURE.late} is that duty's late points. */
    private String fieldOf(String apiField) {
        if (apiField == null) {
            return null;
        }
        var keyed = KEYED.matcher(apiField);
        if (keyed.matches()) {
            String key = keyed.group(2);
            return switch (keyed.group(1)) {
                case "duties" ->
                    field(
                            "duties",
                            duties.stream().map(DutyRow::code).toList(),
                            key,
                            keyed.group(3) == null ? "onTime" : "late");
                case "reviewGrades" ->
                    field("reviewGrades", reviewGrades.stream().map(Points::key).toList(), key, "points");
                default ->
                    field(
                            "promotionBonus",
                            promotionBonus.stream().map(Points::key).toList(),
                            key,
                            "points");
            };
        }
        return switch (apiField) {
            case "effectiveFrom", "satisfactionPoints" -> apiField;
            case "talkCoverage.points" -> "talkCoverage";
            case "commitmentItem" -> "achieved";
            default -> null;
        };
    }

    private static String field(String list, List<String> keys, String key, String property) {
        int i = keys.indexOf(key);
        return i < 0 ? null : list + "[" + i + "]." + property;
    }

    private static void required(String text, String field, Errors errors) {
        if (points(text) == null) {
            errors.rejectValue(field, "scoring.error.points");
        }
    }

    private static Map<String, Double> values(List<Points> rows) {
        var values = new LinkedHashMap<String, Double>();
        rows.stream().filter(r -> !blank(r.points())).forEach(r -> values.put(r.key(), value(r.points())));
        return values;
    }

    /** Points as the API takes them: between 0 and 1000; null when blank, not a number or beyond. */
    private static BigDecimal points(String text) {
        try {
            var value = blank(text) ? null : new BigDecimal(text.strip());
            return value == null || value.signum() < 0 || value.compareTo(MAX) > 0 ? null : value;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static double value(String text) {
        return points(text).doubleValue();
    }

    /** 3.0 as 3, 2.5 as 2.5. */
    private static String text(double points) {
        return BigDecimal.valueOf(points).stripTrailingZeros().toPlainString();
    }
}

package io.firstsecretary.console.office;

import io.firstsecretary.console.api.Api;
import io.firstsecretary.console.api.Items;
import io.firstsecretary.console.security.Person;
import io.firstsecretary.console.web.Labels;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A first secretary's scorecard for a year: every point with the duty and period it is for, why it
 * was given, and a link to the record, the quarterly review or the year-end evaluation that earned it.
 */
@Controller
class ScorecardController {

    private final Api api;
    private final MessageSource messages;
    private final Clock clock;

    ScorecardController(Api api, MessageSource messages, Clock clock) {
        this.api = api;
        this.messages = messages;
        this.clock = clock;
    }

    record Line(String duty, String period, String basis, double points, List<String> evidence, LocalDate earnedOn) {

        Line {
            evidence = evidence == null ? List.of() : evidence;
        }
    }

    record Scorecard(
            String assignee, String name, String bureau, String branch, int year, double total, List<Line> breakdown) {

        Scorecard {
            breakdown = breakdown == null ? List.of() : breakdown;
        }
    }

    /** What a point is for, in words, and where its evidence is. */
    record Point(Line line, String reason, List<Link> evidence) {}

    record Link(String href, String label) {}

    @GetMapping("/office/scorecards")
    String scorecard(
            Person person,
            @RequestParam String assignee,
            @RequestParam(required = false) String bureau,
            @RequestParam(required = false) Integer year,
            Model model) {
        String of = bureau == null || bureau.isBlank() ? person.bureau() : bureau;
        int shown = year == null ? LocalDate.now(clock.withZone(Labels.ZONE)).getYear() : year;
        var cards = api.get(
                        u -> u.path("/api/v1/bureaus/{b}/scorecards")
                                .queryParam("year", shown)
                                .queryParam("assignee", assignee)
                                .build(of),
                        new ParameterizedTypeReference<Items<Scorecard>>() {})
                .items();
        model.addAttribute("year", shown);
        model.addAttribute("assignee", assignee);
        model.addAttribute("bureau", of);
        model.addAttribute(
                "cards", cards.stream().map(c -> new Card(c, points(c))).toList());
        return "scorecard";
    }

    record Card(Scorecard scorecard, List<Point> points) {}

    private List<Point> points(Scorecard card) {
        return card.breakdown().stream()
                .map(line -> new Point(line, reason(line.basis()), evidence(card, line)))
                .toList();
    }

    /** The basis the assessment service gives ({@code GRADE EXCELLENT}, {@code COVERAGE 18/20}) in words. */
    String reason(String basis) {
        String[] parts = (basis == null ? "" : basis).split(" ", 2);
        String detail = parts.length == 2 ? parts[1] : "";
        String shown = switch (parts[0]) {
            case "GRADE" -> text("grade." + detail, detail);
            case "PROMOTED" -> text("record.promotionLevel." + detail, detail);
            case "SATISFACTION" -> percent(detail);
            case "ITEM" -> detail.replace("ACHIEVED", text("scorecard.achieved", "ACHIEVED"));
            default -> detail;
        };
        return messages.getMessage(
                "scorecard.basis." + parts[0], new Object[] {shown}, basis, LocaleContextHolder.getLocale());
    }

    private String text(String key, String fallback) {
        return messages.getMessage(key, null, fallback, LocaleContextHolder.getLocale());
    }

    private static String percent(String share) {
        try {
            return Math.round(Double.parseDouble(share) * 100) + "%";
        } catch (NumberFormatException e) {
            return share;
        }
    }

    private static List<Link> evidence(Scorecard card, Line line) {
        return switch (line.duty()) {
            case "QUARTERLY_REVIEW" ->
                List.of(new Link(
                        UriComponentsBuilder.fromPath("/office/reviews")
                                .queryParam("quarter", line.period())
                                .toUriString(),
                        "scorecard.evidence.review"));
            case "YEAR_END_EVALUATION" ->
                List.of(new Link(
                        UriComponentsBuilder.fromPath("/office/evaluations")
                                .queryParam("assignee", card.assignee())
                                .queryParam("year", card.year())
                                .toUriString(),
                        "scorecard.evidence.evaluation"));
            default ->
                line.evidence().stream()
                        .map(id -> new Link(
                                UriComponentsBuilder.fromPath("/activities/{id}")
                                        .queryParam("bureau", card.bureau())
                                        .buildAndExpand(id)
                                        .toUriString(),
                                "scorecard.evidence.activity"))
                        .toList();
        };
    }
}

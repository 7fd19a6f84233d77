package io.firstsecretary.console.office;

import io.firstsecretary.console.api.Api;
import io.firstsecretary.console.api.ApiProblem;
import io.firstsecretary.console.api.Directory;
import io.firstsecretary.console.api.Items;
import io.firstsecretary.console.security.Person;
import io.firstsecretary.console.web.Labels;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 按季度点评 and 年底评议, entered by the party-building office: a grade and a comment for each first
 * secretary each quarter, and the branch members' ratings at the year's end.
 */
@Controller
class ReviewsController {

    static final List<String> GRADES = List.of("EXCELLENT", "GOOD", "FAIR", "POOR");
    static final List<String> RATINGS = List.of("SATISFIED", "BASICALLY_SATISFIED", "DISSATISFIED");

    private final Api api;
    private final Directory directory;
    private final Clock clock;

    ReviewsController(Api api, Directory directory, Clock clock) {
        this.api = api;
        this.directory = directory;
        this.clock = clock;
    }

    record Review(String assignee, String branch, String quarter, String grade, String comment, String reviewedBy) {}

    record Row(String assignee, String name, String branch, Review review) {}

    record Rating(String member, String rating) {}

    record EvaluationBody(String assignee, int year, List<Rating> ratings) {}

    record Evaluation(
            String assignee,
            String branch,
            int year,
            long satisfied,
            long basicallySatisfied,
            long dissatisfied,
            double satisfactionRate,
            List<Rating> ratings) {

        Evaluation {
            ratings = ratings == null ? List.of() : ratings;
        }
    }

    @GetMapping("/office/reviews")
    String reviews(Person person, @RequestParam(required = false) String quarter, Model model) {
        LocalDate today = LocalDate.now(clock.withZone(Labels.ZONE));
        String shown = quarter != null && quarter.matches("\\d{4}-Q[1-4]")
                ? quarter
                : today.getYear() + "-Q" + ((today.getMonthValue() - 1) / 3 + 1);
        int year = Integer.parseInt(shown.substring(0, 4));
        var reviews = api.get(
                        u -> u.path("/api/v1/bureaus/{b}/reviews")
                                .queryParam("year", year)
                                .build(person.bureau()),
                        new ParameterizedTypeReference<Items<Review>>() {})
                .items();
        var terms = directory.terms(person.bureau(), false);
        var rows = new ArrayList<Row>();
        var seen = new LinkedHashMap<String, Boolean>();
        for (var term : terms) {
            if (term.bureau().equals(person.bureau()) && seen.putIfAbsent(term.member(), true) == null) {
                var review = reviews.stream()
                        .filter(r -> r.assignee().equals(term.member())
                                && r.quarter().equals(shown))
                        .findFirst()
                        .orElse(null);
                rows.add(new Row(term.member(), term.name(), term.branch(), review));
            }
        }
        model.addAttribute("quarter", shown);
        model.addAttribute("quarters", List.of(year + "-Q1", year + "-Q2", year + "-Q3", year + "-Q4"));
        model.addAttribute("rows", rows);
        model.addAttribute("grades", GRADES);
        return "reviews";
    }

    @PostMapping("/office/reviews")
    String review(
            Person person,
            @RequestParam String assignee,
            @RequestParam String quarter,
            @RequestParam(defaultValue = "") String grade,
            @RequestParam(defaultValue = "") String comment,
            RedirectAttributes redirect) {
        if (!GRADES.contains(grade)) {
            redirect.addFlashAttribute("failedFor", assignee);
            redirect.addFlashAttribute("failed", "validation.grade");
            return "redirect:/office/reviews?quarter=" + quarter;
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("assignee", assignee);
        body.put("quarter", quarter);
        body.put("grade", grade);
        if (!comment.isBlank()) {
            body.put("comment", comment.strip());
        }
        try {
            api.post(u -> u.path("/api/v1/bureaus/{b}/reviews").build(person.bureau()), body, Review.class);
            redirect.addFlashAttribute("done", "reviews.saved");
        } catch (ApiProblem problem) {
            if (problem.status() != 422) {
                throw problem;
            }
            redirect.addFlashAttribute("failedFor", assignee);
            redirect.addFlashAttribute("failed", "validation.api");
            redirect.addFlashAttribute("failedDetail", problem.getMessage());
        }
        return "redirect:/office/reviews?quarter=" + quarter;
    }

    @GetMapping("/office/evaluations")
    String evaluations(
            Person person,
            @RequestParam(required = false) String assignee,
            @RequestParam(required = false) Integer year,
            Model model) {
        int shown = year == null ? LocalDate.now(clock.withZone(Labels.ZONE)).getYear() : year;
        var terms = directory.terms(person.bureau(), false).stream()
                .filter(t -> t.bureau().equals(person.bureau()))
                .toList();
        var evaluations = api.get(
                        u -> u.path("/api/v1/bureaus/{b}/evaluations")
                                .queryParam("year", shown)
                                .build(person.bureau()),
                        new ParameterizedTypeReference<Items<Evaluation>>() {})
                .items();
        model.addAttribute("year", shown);
        model.addAttribute("terms", terms);
        var byAssignee = new LinkedHashMap<String, Evaluation>();
        evaluations.forEach(e -> byAssignee.put(e.assignee(), e));
        model.addAttribute("byAssignee", byAssignee);
        model.addAttribute("ratings", RATINGS);
        var chosen = terms.stream().filter(t -> t.member().equals(assignee)).findFirst();
        if (chosen.isPresent()) {
            var branch = directory.branch(person.bureau(), chosen.get().branch());
            model.addAttribute("chosen", chosen.get());
            model.addAttribute("branch", branch);
            Map<String, String> given = new LinkedHashMap<>();
            evaluations.stream()
                    .filter(e -> e.assignee().equals(assignee))
                    .flatMap(e -> e.ratings().stream())
                    .forEach(r -> given.put(r.member(), r.rating()));
            model.addAttribute("given", given);
        }
        return "evaluations";
    }

    @PostMapping("/office/evaluations")
    String evaluate(
            Person person,
            @RequestParam String assignee,
            @RequestParam int year,
            @RequestParam Map<String, String> form,
            RedirectAttributes redirect) {
        var ratings = new ArrayList<Rating>();
        form.forEach((key, value) -> {
            if (key.startsWith("rating.") && RATINGS.contains(value)) {
                ratings.add(new Rating(key.substring("rating.".length()), value));
            }
        });
        String back = "redirect:/office/evaluations?assignee=" + assignee + "&year=" + year;
        if (ratings.isEmpty()) {
            redirect.addFlashAttribute("failed", "validation.ratings");
            return back;
        }
        try {
            api.post(
                    u -> u.path("/api/v1/bureaus/{b}/evaluations").build(person.bureau()),
                    new EvaluationBody(assignee, year, ratings),
                    Evaluation.class);
            redirect.addFlashAttribute("done", "evaluations.saved");
        } catch (ApiProblem problem) {
            if (problem.status() != 422) {
                throw problem;
            }
            redirect.addFlashAttribute("failed", "validation.api");
            redirect.addFlashAttribute("failedDetail", problem.getMessage());
        }
        return back;
    }
}

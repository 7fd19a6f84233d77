package io.firstsecretary.console.duties;

import io.firstsecretary.console.api.Assessment;
import io.firstsecretary.console.api.Assessment.Obligation;
import io.firstsecretary.console.security.Person;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 我的职责: a first secretary's duties of the year by period, each with its due date, its state and
 * a 登记 button while it is open; and one duty with its evidence.
 */
@Controller
class DutiesController {

    private final Assessment assessment;
    private final DutyCards cards;

    DutiesController(Assessment assessment, DutyCards cards) {
        this.assessment = assessment;
        this.cards = cards;
    }

    record PeriodGroup(String period, List<DutyCard> duties) {}

    @GetMapping("/duties")
    String duties(Person person, @RequestParam(required = false) Integer year, Model model) {
        int shown = year == null ? cards.today().getYear() : Math.max(2000, Math.min(2999, year));
        var obligations = assessment.obligations(person.bureau(), shown, person.member()).stream()
                .filter(Obligation::ownedByFirstSecretary)
                .sorted(Comparator.comparing(Obligation::dueOn)
                        .thenComparing(o -> -o.period().length())
                        .thenComparing(Obligation::duty))
                .toList();
        var groups = new LinkedHashMap<String, List<DutyCard>>();
        for (var card : cards.cards(person.bureau(), obligations)) {
            groups.computeIfAbsent(card.obligation().period(), p -> new ArrayList<>())
                    .add(card);
        }
        var all = groups.values().stream().flatMap(List::stream).toList();
        model.addAttribute("year", shown);
        model.addAttribute(
                "groups",
                groups.entrySet().stream()
                        .map(e -> new PeriodGroup(e.getKey(), e.getValue()))
                        .toList());
        model.addAttribute("total", all.size());
        model.addAttribute(
                "done", all.stream().filter(c -> c.state().startsWith("MET")).count());
        model.addAttribute(
                "overdue", all.stream().filter(c -> "OVERDUE".equals(c.state())).count());
        return "duties";
    }

    /**
     * One duty's card, for the page to swap in place: after a record is logged the page asks again
     * every second until the record is counted (or the settle time runs out), so the duty turns
     * 已完成 without a reload.
     */
    @GetMapping("/duties/{id}/card")
    String card(
            Person person,
            @PathVariable String id,
            @RequestParam(required = false) String after,
            @RequestParam(defaultValue = "0") int tries,
            Model model) {
        var obligation = assessment.obligation(person.bureau(), id);
        model.addAttribute("duty", cards.polled(person.bureau(), obligation, after, tries));
        return "duty-card :: card";
    }

    @GetMapping("/obligations/{id}")
    String obligation(Person person, @PathVariable String id, Model model) {
        model.addAttribute("duty", cards.card(person.bureau(), assessment.obligation(person.bureau(), id)));
        return "obligation";
    }
}

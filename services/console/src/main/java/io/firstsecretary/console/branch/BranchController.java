package io.firstsecretary.console.branch;

import io.firstsecretary.console.api.Activities;
import io.firstsecretary.console.api.Assessment;
import io.firstsecretary.console.api.Directory;
import io.firstsecretary.console.security.Person;
import io.firstsecretary.console.web.Labels;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 支部: the branch secretary's branch: its month of records, its key persons and its own duties. */
@Controller
class BranchController {

    private final Directory directory;
    private final Activities activities;
    private final Assessment assessment;
    private final Clock clock;

    BranchController(Directory directory, Activities activities, Assessment assessment, Clock clock) {
        this.directory = directory;
        this.activities = activities;
        this.assessment = assessment;
        this.clock = clock;
    }

    @GetMapping("/branch")
    String branch(Person person, @RequestParam(required = false) String month, Model model) {
        LocalDate today = LocalDate.now(clock.withZone(Labels.ZONE));
        YearMonth shown = monthOf(month, today);
        var member = directory.member(person.bureau(), person.member()).member();
        var branch = directory.branch(person.bureau(), member.branch());
        var records = activities.ofBranch(person.bureau(), branch.code(), shown.atDay(1), shown.atEndOfMonth());
        var duties = assessment.obligations(person.bureau(), shown.getYear(), null).stream()
                .filter(o -> "BRANCH".equals(o.owedBy()) && branch.code().equals(o.branch()))
                .filter(o ->
                        o.period().startsWith(shown.toString()) || !o.period().matches("\\d{4}-\\d{2}"))
                .toList();
        model.addAttribute("branch", branch);
        model.addAttribute("names", branch.names());
        model.addAttribute("month", shown);
        model.addAttribute("previous", shown.minusMonths(1));
        model.addAttribute("next", shown.plusMonths(1));
        model.addAttribute("records", records);
        model.addAttribute("duties", duties);
        model.addAttribute("catalogue", assessment.catalogue(person.bureau()));
        return "branch";
    }

    private static YearMonth monthOf(String month, LocalDate today) {
        try {
            return month == null ? YearMonth.from(today) : YearMonth.parse(month);
        } catch (java.time.format.DateTimeParseException e) {
            return YearMonth.from(today);
        }
    }
}

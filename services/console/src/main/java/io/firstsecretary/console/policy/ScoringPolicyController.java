package io.firstsecretary.console.policy;

import io.firstsecretary.console.api.ApiProblem;
import io.firstsecretary.console.security.Person;
import io.firstsecretary.console.web.Labels;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 计分办法: how the labour competition scores the office's bureau, the bureau's own versions, and a new
 * version made from the one in force. Scorecards and rankings use a new version from their next reading,
 * for every period it applies to.
 */
@Controller
class ScoringPolicyController {

    private final PolicyApi policies;
    private final Clock clock;

    ScoringPolicyController(PolicyApi policies, Clock clock) {
        this.policies = policies;
        this.clock = clock;
    }

    @GetMapping("/office/scoring-policy")
    String policy(Person person, Model model) {
        var inForce = policies.policy(person.bureau());
        var catalogue = policies.catalogue(person.bureau()).value();
        var form = ScoringForm.of(
                inForce.value(), catalogue, Versioning.startOfNextMonth(today()).toString());
        return page(person, inForce, policies.policyVersions(person.bureau()), catalogue, form, model);
    }

    @PostMapping("/office/scoring-policy")
    String save(
            Person person,
            @ModelAttribute("form") ScoringForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        var inForce = policies.policy(person.bureau());
        var own = policies.policyVersions(person.bureau());
        form.validate(inForce.value(), errors);
        if (!errors.hasErrors()) {
            String version = Versioning.next(Versioning.day(form.effectiveFrom()), inForce, own);
            try {
                var saved = policies.save(person.bureau(), form.policy(version, inForce.value()));
                redirect.addFlashAttribute("saved", saved.version());
                redirect.addFlashAttribute("savedFrom", saved.effectiveFrom());
                return "redirect:/office/scoring-policy";
            } catch (ApiProblem problem) {
                if (problem.status() != 400 && problem.status() != 422) {
                    throw problem;
                }
                form.reject(problem, errors);
            }
        }
        return page(person, inForce, own, policies.catalogue(person.bureau()).value(), form, model);
    }

    private String page(
            Person person,
            ScoringPolicy.Saved inForce,
            List<ScoringPolicy.Saved> own,
            DutyCatalogue catalogue,
            ScoringForm form,
            Model model) {
        var names = new LinkedHashMap<String, String>();
        catalogue.duties().forEach(d -> names.put(d.code(), d.name()));
        var day = Versioning.day(form.effectiveFrom());
        model.addAttribute("inForce", inForce);
        model.addAttribute(
                "shown",
                ScoringForm.of(
                        inForce.value(), catalogue, inForce.effectiveFrom().toString()));
        model.addAttribute("source", Versioning.source(inForce, person.bureau()));
        model.addAttribute("history", Versioning.history(own, inForce, today()));
        model.addAttribute("names", names);
        model.addAttribute("form", form);
        model.addAttribute("next", day == null ? null : Versioning.next(day, inForce, own));
        return "scoring-policy";
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(Labels.ZONE));
    }
}

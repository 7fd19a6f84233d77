package io.firstsecretary.console.policy;

import io.firstsecretary.console.api.ApiProblem;
import io.firstsecretary.console.security.Person;
import io.firstsecretary.console.web.Labels;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 职责目录: the duties in force for the office's bureau, the bureau's own versions, and a new version made
 * from the one in force. Saving never changes a version: each change is a new one, from the day chosen.
 */
@Controller
class CatalogueController {

    private final PolicyApi policies;
    private final Clock clock;

    CatalogueController(PolicyApi policies, Clock clock) {
        this.policies = policies;
        this.clock = clock;
    }

    @GetMapping("/office/catalogue")
    String catalogue(Person person, Model model) {
        var inForce = policies.catalogue(person.bureau());
        var form = CatalogueForm.of(inForce.value(), Versioning.startOfNextMonth(today()));
        return page(person, inForce, policies.catalogueVersions(person.bureau()), form, model);
    }

    @PostMapping("/office/catalogue")
    String save(
            Person person,
            @ModelAttribute("form") CatalogueForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        var inForce = policies.catalogue(person.bureau());
        var own = policies.catalogueVersions(person.bureau());
        form.validate(inForce.value(), errors);
        if (!errors.hasErrors()) {
            String version = Versioning.next(Versioning.day(form.effectiveFrom()), inForce, own);
            var catalogue = form.catalogue(version, inForce.value());
            try {
                var saved = policies.save(person.bureau(), catalogue);
                redirect.addFlashAttribute("saved", saved.version());
                redirect.addFlashAttribute("savedFrom", saved.effectiveFrom());
                return "redirect:/office/catalogue";
            } catch (ApiProblem problem) {
                if (problem.status() != 400 && problem.status() != 422) {
                    throw problem;
                }
                form.reject(problem, catalogue, errors);
            }
        }
        return page(person, inForce, own, form, model);
    }

    private String page(
            Person person,
            DutyCatalogue.Saved inForce,
            List<DutyCatalogue.Saved> own,
            CatalogueForm form,
            Model model) {
        var day = Versioning.day(form.effectiveFrom());
        model.addAttribute("inForce", inForce);
        model.addAttribute("source", Versioning.source(inForce, person.bureau()));
        model.addAttribute("history", Versioning.history(own, inForce, today()));
        model.addAttribute("form", form);
        model.addAttribute("byCode", inForce.value().byCode());
        model.addAttribute("cadences", CatalogueForm.CADENCES);
        model.addAttribute("next", day == null ? null : Versioning.next(day, inForce, own));
        return "catalogue";
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(Labels.ZONE));
    }
}

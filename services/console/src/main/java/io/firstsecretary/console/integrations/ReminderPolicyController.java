package io.firstsecretary.console.integrations;

import io.firstsecretary.console.api.Api;
import io.firstsecretary.console.api.ApiProblem;
import io.firstsecretary.console.security.Person;
import io.firstsecretary.console.web.Refusals;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 提醒规则: when the bureau's reminders go out and to whom, as the notification service keeps them;
 * a change reschedules the reminders not yet sent.
 */
@Controller
class ReminderPolicyController {

    static final String PATH = "/api/v1/bureaus/{b}/reminder-policy";

    private final Api api;

    ReminderPolicyController(Api api) {
        this.api = api;
    }

    @GetMapping("/office/reminder-policy")
    String policy(Person person, Model model) {
        model.addAttribute("form", PolicyForm.of(api.get(u -> u.path(PATH).build(person.bureau()), Policy.class)));
        return show(model);
    }

    @PostMapping("/office/reminder-policy")
    String save(
            Person person,
            @ModelAttribute("form") PolicyForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        form.validate(errors);
        if (!errors.hasErrors()) {
            try {
                api.put(u -> u.path(PATH).build(person.bureau()), form.policy(), Policy.class);
                redirect.addFlashAttribute("done", "policy.saved");
                return "redirect:/office/reminder-policy";
            } catch (ApiProblem problem) {
                Refusals.reject(problem, errors, PolicyForm::fieldOf);
            }
        }
        return show(model);
    }

    private static String show(Model model) {
        model.addAttribute("offices", PolicyForm.OFFICES);
        model.addAttribute("days", PolicyForm.DAYS);
        return "reminder-policy";
    }
}

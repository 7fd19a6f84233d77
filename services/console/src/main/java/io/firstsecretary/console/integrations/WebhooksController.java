package io.firstsecretary.console.integrations;

import io.firstsecretary.console.api.Api;
import io.firstsecretary.console.api.ApiProblem;
import io.firstsecretary.console.api.Page;
import io.firstsecretary.console.security.Person;
import io.firstsecretary.console.web.Refusals;
import java.time.Instant;
import java.util.List;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 订阅推送: the HTTPS endpoints of the bureau's own systems (企业微信, an SMS gateway, OA) that receive
 * its reminders, each signed with a secret the page shows once, when the endpoint is registered.
 */
@Controller
class WebhooksController {

    static final String PATH = "/api/v1/bureaus/{b}/webhooks";
    static final int PAGE_SIZE = 20;

    private final Api api;

    WebhooksController(Api api) {
        this.api = api;
    }

    /** An endpoint as the API lists it; {@code secret} only in the answer to its registration. */
    record Webhook(
            String id,
            String url,
            List<String> events,
            String secret,
            boolean enabled,
            String disabledReason,
            Instant createdAt) {

        Webhook {
            events = events == null ? List.of() : events;
        }
    }

    @GetMapping("/office/webhooks")
    String webhooks(Person person, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("form", WebhookForm.empty());
        return show(person, page, model);
    }

    /** Shows the new endpoint's secret on the page it answers, so it is never kept in the session. */
    @PostMapping("/office/webhooks")
    String register(Person person, @ModelAttribute("form") WebhookForm form, BindingResult errors, Model model) {
        form.validate(errors);
        if (!errors.hasErrors()) {
            try {
                model.addAttribute(
                        "created", api.post(u -> u.path(PATH).build(person.bureau()), form.body(), Webhook.class));
            } catch (ApiProblem problem) {
                if (problem.status() == 409) {
                    model.addAttribute("failed", "webhooks.limit");
                } else {
                    Refusals.reject(problem, errors, WebhookForm::fieldOf);
                }
            }
        }
        return show(person, 0, model);
    }

    @PostMapping("/office/webhooks/{id}/delete")
    String delete(Person person, @PathVariable String id, RedirectAttributes redirect) {
        try {
            api.delete(u -> u.path(PATH + "/{id}").build(person.bureau(), id));
        } catch (ApiProblem problem) {
            // deleted already, in another tab or by a colleague
            if (problem.status() != 404) {
                throw problem;
            }
        }
        redirect.addFlashAttribute("done", "webhooks.deleted");
        return "redirect:/office/webhooks";
    }

    private String show(Person person, int page, Model model) {
        int shown = Math.max(0, page);
        model.addAttribute(
                "webhooks",
                api.get(
                        u -> u.path(PATH)
                                .queryParam("page", shown)
                                .queryParam("size", PAGE_SIZE)
                                .build(person.bureau()),
                        new ParameterizedTypeReference<Page<Webhook>>() {}));
        model.addAttribute("page", shown);
        model.addAttribute("choices", WebhookForm.CHOICES);
        return "webhooks";
    }
}

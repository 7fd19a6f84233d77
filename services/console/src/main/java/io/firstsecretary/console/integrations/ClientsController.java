package io.firstsecretary.console.integrations;

import io.firstsecretary.console.api.Api;
import io.firstsecretary.console.api.ApiProblem;
import io.firstsecretary.console.api.Page;
import io.firstsecretary.console.security.Person;
import io.firstsecretary.console.web.Refusals;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
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
 * 系统对接客户端: the clients the bureau's outside systems (OA, an SMS gateway, a data warehouse) get
 * tokens with, as the identity service keeps them: created with what a system needs, its secret shown
 * once, and revoked.
 */
@Controller
class ClientsController {

    static final String PATH = "/api/v1/bureaus/{b}/clients";
    static final int PAGE_SIZE = 20;

    private final Api api;

    ClientsController(Api api) {
        this.api = api;
    }

    /** A client as the API lists it, revoked ones included; never its secret. */
    record Client(
            String clientId,
            String name,
            List<String> roles,
            List<String> scopes,
            Instant createdAt,
            Instant revokedAt,
            Duration tokenLifetime) {

        Client {
            roles = roles == null ? List.of() : roles;
            scopes = scopes == null ? List.of() : scopes;
        }

        /** The message keys of what the client may do: its roles, then its scopes. */
        public List<String> grants() {
            return Stream.concat(
                            roles.stream().map(r -> "clients.role." + r),
                            scopes.stream().map(s -> "clients.scope." + s))
                    .toList();
        }
    }

    /** A client just created, with its secret this once and where to redeem it. */
    record Created(String clientId, String clientSecret, String name, String tokenEndpoint) {

        /** What the system's people can try first: a token for these credentials. */
        public String curl() {
            return "curl -s -u '" + clientId + ":" + clientSecret + "' -d grant_type=client_credentials "
                    + tokenEndpoint;
        }
    }

    @GetMapping("/office/clients")
    String clients(Person person, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("form", ClientForm.empty());
        return show(person, page, model);
    }

    /** Shows the new client's secret on the page it answers, so it is never kept in the session. */
    @PostMapping("/office/clients")
    String create(Person person, @ModelAttribute("form") ClientForm form, BindingResult errors, Model model) {
        form.validate(errors);
        if (!errors.hasErrors()) {
            try {
                model.addAttribute(
                        "created", api.post(u -> u.path(PATH).build(person.bureau()), form.body(), Created.class));
            } catch (ApiProblem problem) {
                if (problem.status() == 409) {
                    model.addAttribute("failed", "clients.limit");
                } else {
                    Refusals.reject(problem, errors, ClientForm::fieldOf);
                }
            }
        }
        return show(person, 0, model);
    }

    @PostMapping("/office/clients/{clientId}/revoke")
    String revoke(Person person, @PathVariable String clientId, RedirectAttributes redirect) {
        api.delete(u -> u.path(PATH + "/{id}").build(person.bureau(), clientId));
        redirect.addFlashAttribute("done", "clients.revoked");
        return "redirect:/office/clients";
    }

    private String show(Person person, int page, Model model) {
        int shown = Math.max(0, page);
        model.addAttribute(
                "clients",
                api.get(
                        u -> u.path(PATH)
                                .queryParam("page", shown)
                                .queryParam("size", PAGE_SIZE)
                                .build(person.bureau()),
                        new ParameterizedTypeReference<Page<Client>>() {}));
        model.addAttribute("page", shown);
        model.addAttribute("grantableRoles", ClientForm.ROLES);
        model.addAttribute("grantableScopes", ClientForm.SCOPES);
        return "clients";
    }
}

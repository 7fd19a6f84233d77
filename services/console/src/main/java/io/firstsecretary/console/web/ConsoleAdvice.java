package io.firstsecretary.console.web;

import io.firstsecretary.console.api.ApiProblem;
import io.firstsecretary.console.security.Person;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.server.ResponseStatusException;

/**
 * What every page has (the signed-in person for the header), and how a refusal of the API reaches
 * a person: a page in Chinese with the status the API gave, never a server error.
 */
@ControllerAdvice
class ConsoleAdvice {

    private static final Logger log = LoggerFactory.getLogger(ConsoleAdvice.class);

    @ModelAttribute("person")
    Person person(Authentication authentication) {
        return authentication != null && authentication.getPrincipal() instanceof OidcUser ? Person.current() : null;
    }

    @ExceptionHandler(ApiProblem.class)
    String refused(ApiProblem problem, HttpServletResponse response, Model model) {
        int status = problem.status() == 401 ? 403 : problem.status();
        response.setStatus(status >= 500 ? 503 : status);
        model.addAttribute(
                "message",
                switch (status) {
                    case 404 -> "error.notFound";
                    case 403 -> "error.forbidden";
                    default -> status >= 500 ? "error.unavailable" : null;
                });
        model.addAttribute("detail", status >= 500 ? null : problem.getMessage());
        return "error";
    }

    @ExceptionHandler({ResourceAccessException.class, RestClientException.class})
    String unavailable(RestClientException e, HttpServletResponse response, Model model) {
        log.warn("The platform API did not answer: {}", e.getMessage());
        response.setStatus(503);
        model.addAttribute("message", "error.unavailable");
        return "error";
    }

    /** A page that is not there, or not for this person, says so in Chinese. */
    @ExceptionHandler(ResponseStatusException.class)
    String status(ResponseStatusException e, HttpServletResponse response, Model model) {
        int status = e.getStatusCode().value();
        response.setStatus(status);
        model.addAttribute(
                "message",
                switch (status) {
                    case 404 -> "error.notFound";
                    case 403 -> "error.forbidden";
                    default -> "error.failed";
                });
        return "error";
    }

    /** Whatever else goes wrong still reaches the person as a page in Chinese, and the log says what it was. */
    @ExceptionHandler(RuntimeException.class)
    String failed(RuntimeException e, HttpServletResponse response, Model model) {
        log.error("A page failed", e);
        response.setStatus(500);
        model.addAttribute("message", "error.failed");
        return "error";
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(HttpServletResponse response, Model model) {
        response.setStatus(413);
        model.addAttribute("message", "error.tooLarge");
        return "error";
    }
}

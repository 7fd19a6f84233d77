package io.firstsecretary.organisation.assignment;

import io.firstsecretary.kit.security.Caller;
import io.firstsecretary.kit.security.Requires;
import io.firstsecretary.kit.security.Role;
import io.firstsecretary.kit.security.Scope;
import io.firstsecretary.kit.web.Paged;
import jakarta.validation.Valid;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/bureaus/{bureau}/first-secretaries")
class FirstSecretaryController {

    private final FirstSecretaries firstSecretaries;

    FirstSecretaryController(FirstSecretaries firstSecretaries) {
        this.firstSecretaries = firstSecretaries;
    }

    @Requires(Scope.DIRECTORY_WRITE)
    @PostMapping
    ResponseEntity<FirstSecretaryAssignment> assign(
            @PathVariable String bureau, @Valid @RequestBody AssignFirstSecretary request) {
        var registration = firstSecretaries.assign(bureau, request);
        return registration.response("/api/v1/bureaus/" + bureau + "/first-secretaries/"
                + registration.value().id());
    }

    /**
     * The bureau's first secretaries, with {@code includeDescendants} those of every bureau below
     * it too (for a caller who reaches them), with {@code activeOn} only the terms running that day.
     */
    @Requires(Scope.DIRECTORY_READ)
    @GetMapping
    Paged<FirstSecretaryAssignment> list(
            Caller caller,
            @PathVariable String bureau,
            @RequestParam(defaultValue = "false") boolean includeDescendants,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate activeOn,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size) {
        boolean descendants = includeDescendants && caller.reach() != Role.Reach.OWN_BUREAU;
        return firstSecretaries.list(bureau, descendants, activeOn, page, size);
    }

    @Requires(Scope.DIRECTORY_WRITE)
    @PostMapping("/{assignment}/relieve")
    FirstSecretaryAssignment relieve(
            @PathVariable String bureau,
            @PathVariable String assignment,
            @Valid @RequestBody RelieveFirstSecretary request) {
        return firstSecretaries
                .relieve(bureau, assignment, request.on(), FirstSecretaries.EndReason.RELIEVED)
                .value();
    }
}

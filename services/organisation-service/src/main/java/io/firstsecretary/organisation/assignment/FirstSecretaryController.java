package io.firstsecretary.organisation.assignment;

import io.firstsecretary.kit.security.Caller;
import io.firstsecretary.kit.security.Requires;
import io.firstsecretary.kit.security.Role;
import io.firstsecretary.kit.security.Scope;
import io.firstsecretary.kit.web.Paged;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/bureaus/{bureau}/first-secretaries")
@Tag(
        name = "First secretaries",
        description = "The terms of party-committee members as first secretaries of the bureau's branches.")
class FirstSecretaryController {

    private final FirstSecretaries firstSecretaries;

    FirstSecretaryController(FirstSecretaries firstSecretaries) {
        this.firstSecretaries = firstSecretaries;
    }

    @Requires(Scope.DIRECTORY_WRITE)
    @Operation(summary = "Assign a first secretary to a branch")
    @ApiResponse(
            responseCode = "200",
            description = "The same term was already recorded: nothing changed",
            useReturnTypeSchema = true)
    @ApiResponse(
            responseCode = "409",
            description = "The branch already has another term from that day, or a first secretary whose term"
                    + " overlaps this one")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
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
    @Operation(
            summary = "List the bureau's first secretaries",
            description = "includeDescendants adds those of every bureau below, for a caller who reaches them;"
                    + " activeOn keeps only the terms running that day. Paged.")
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
    @Operation(
            summary = "Relieve a first secretary",
            description = "Ends the term on the day given as on; ending it again on the same day changes nothing.")
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

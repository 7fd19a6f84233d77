package io.firstsecretary.organisation.bureau;

import io.firstsecretary.kit.security.Caller;
import io.firstsecretary.kit.security.Requires;
import io.firstsecretary.kit.security.Role;
import io.firstsecretary.kit.security.Scope;
import io.firstsecretary.kit.security.TenantGuard;
import io.firstsecretary.kit.web.NotFoundException;
import io.firstsecretary.kit.web.Paged;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.Objects;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/bureaus")
@Tag(name = "Bureaus", description = "The tree of tax bureaus: each bureau's code, name, level and parent.")
class BureauController {

    private final BureauDirectory bureaus;
    private final TenantGuard guard;

    BureauController(BureauDirectory bureaus, TenantGuard guard) {
        this.bureaus = bureaus;
        this.guard = guard;
    }

    /** A root bureau is the operator's to register; an office registers bureaus below its own. */
    @Requires(Scope.DIRECTORY_WRITE)
    @Operation(
            summary = "Register a bureau",
            description = "A root bureau is the platform operator's to register; an office registers bureaus below"
                    + " its own.")
    @ApiResponse(
            responseCode = "200",
            description = "The bureau was already registered with the same details: nothing changed",
            useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "The bureau code exists with other details")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Bureau> register(Caller caller, @Valid @RequestBody RegisterBureau request) {
        guard.requirePlacement(caller, request.parent());
        return bureaus.register(request).response("/api/v1/bureaus/" + request.code());
    }

    /**
     * The bureaus the caller reaches: the whole tree for the operator, the caller's bureau and
     * everything below it for an office, or with {@code under} one bureau of those and its subtree.
     */
    @Requires(Scope.DIRECTORY_READ)
    @Operation(
            summary = "List the bureaus the caller reaches",
            description = "The whole tree for the platform operator, the caller's bureau and those below it for an"
                    + " office or an auditor, the caller's own bureau for anyone else; under starts the list at one"
                    + " of them. Paged, by code.")
    @GetMapping
    Paged<Bureau> list(
            Caller caller,
            @RequestParam(required = false) String under,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size) {
        if (caller.reach() == Role.Reach.EVERY_BUREAU) {
            return bureaus.list(under, false, page, size);
        }
        String root = under == null ? caller.bureau() : under;
        if (root == null || !guard.reaches(caller, root)) {
            throw new NotFoundException("No bureau " + root);
        }
        return bureaus.list(root, caller.reach() == Role.Reach.OWN_BUREAU, page, size);
    }

    @Requires(Scope.DIRECTORY_READ)
    @Operation(summary = "Get a bureau")
    @GetMapping("/{bureau}")
    Bureau get(@PathVariable String bureau) {
        return bureaus.require(bureau);
    }

    @Requires(Scope.DIRECTORY_WRITE)
    @Operation(
            summary = "Change a bureau",
            description = "Renames the bureau, changes its level or moves it under another parent; a move rewrites"
                    + " the path of every bureau below it.")
    @PutMapping("/{bureau}")
    Bureau change(Caller caller, @PathVariable String bureau, @Valid @RequestBody ChangeBureau request) {
        String parent = bureaus.require(bureau).parent();
        if (!Objects.equals(parent, request.parent())) {
            guard.requirePlacement(caller, parent);
            guard.requirePlacement(caller, request.parent());
        }
        return bureaus.change(bureau, request).value();
    }
}

package io.firstsecretary.organisation.branch;

import io.firstsecretary.kit.security.Requires;
import io.firstsecretary.kit.security.Scope;
import io.firstsecretary.kit.web.Paged;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/bureaus/{bureau}/branches")
@Tag(name = "Branches", description = "A bureau's party branches and their party groups.")
class BranchController {

    private final Branches branches;

    BranchController(Branches branches) {
        this.branches = branches;
    }

    @Requires(Scope.DIRECTORY_WRITE)
    @Operation(summary = "Establish a branch")
    @ApiResponse(
            responseCode = "200",
            description = "The branch was already established with the same details: nothing changed",
            useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "The branch code exists with other details")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Branch> establish(@PathVariable String bureau, @Valid @RequestBody EstablishBranch request) {
        return branches.establish(bureau, request)
                .response("/api/v1/bureaus/" + bureau + "/branches/" + request.code());
    }

    /** The bureau's branches; merged and dissolved ones only with {@code includeEnded=true}. */
    @Requires(Scope.DIRECTORY_READ)
    @Operation(
            summary = "List the bureau's branches",
            description = "Merged and dissolved branches only with includeEnded=true. Paged, by branch code.")
    @GetMapping
    Paged<Branch> list(
            @PathVariable String bureau,
            @RequestParam(defaultValue = "false") boolean includeEnded,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size) {
        return branches.list(bureau, includeEnded, page, size);
    }

    @Requires(Scope.DIRECTORY_WRITE)
    @Operation(summary = "Rename a branch or change the divisions it covers")
    @ApiResponse(responseCode = "200", description = "Done: the resource as it now is", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "The branch was merged or dissolved")
    @PatchMapping("/{branch}")
    Branch rename(@PathVariable String bureau, @PathVariable String branch, @Valid @RequestBody RenameBranch request) {
        return branches.rename(bureau, branch, request).value();
    }

    @Requires(Scope.DIRECTORY_WRITE)
    @Operation(summary = "Form a party group in a branch")
    @ApiResponse(
            responseCode = "200",
            description = "The party group was already formed with the same details: nothing changed",
            useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "The party group code exists in the branch with other details")
    @PostMapping("/{branch}/party-groups")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<PartyGroup> formPartyGroup(
            @PathVariable String bureau, @PathVariable String branch, @Valid @RequestBody FormPartyGroup request) {
        return branches.formPartyGroup(bureau, branch, request)
                .response("/api/v1/bureaus/" + bureau + "/branches/" + branch + "/party-groups/" + request.code());
    }
}

package io.firstsecretary.organisation.branch;

import io.firstsecretary.kit.security.Requires;
import io.firstsecretary.kit.security.Scope;
import io.firstsecretary.kit.web.Paged;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/bureaus/{bureau}/branches")
class BranchController {

    private final Branches branches;

    BranchController(Branches branches) {
        this.branches = branches;
    }

    @Requires(Scope.DIRECTORY_WRITE)
    @PostMapping
    ResponseEntity<Branch> establish(@PathVariable String bureau, @Valid @RequestBody EstablishBranch request) {
        return branches.establish(bureau, request)
                .response("/api/v1/bureaus/" + bureau + "/branches/" + request.code());
    }

    /** The bureau's branches; merged and dissolved ones only with {@code includeEnded=true}. */
    @Requires(Scope.DIRECTORY_READ)
    @GetMapping
    Paged<Branch> list(
            @PathVariable String bureau,
            @RequestParam(defaultValue = "false") boolean includeEnded,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size) {
        return branches.list(bureau, includeEnded, page, size);
    }

    @Requires(Scope.DIRECTORY_WRITE)
    @PatchMapping("/{branch}")
    Branch rename(@PathVariable String bureau, @PathVariable String branch, @Valid @RequestBody RenameBranch request) {
        return branches.rename(bureau, branch, request).value();
    }

    @Requires(Scope.DIRECTORY_WRITE)
    @PostMapping("/{branch}/party-groups")
    ResponseEntity<PartyGroup> formPartyGroup(
            @PathVariable String bureau, @PathVariable String branch, @Valid @RequestBody FormPartyGroup request) {
        return branches.formPartyGroup(bureau, branch, request)
                .response("/api/v1/bureaus/" + bureau + "/branches/" + branch + "/party-groups/" + request.code());
    }
}

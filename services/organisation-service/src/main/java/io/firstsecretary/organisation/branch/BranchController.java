package io.firstsecretary.organisation.branch;

import io.firstsecretary.kit.web.Paged;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
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

    @PostMapping
    ResponseEntity<Branch> establish(@PathVariable String bureau, @Valid @RequestBody EstablishBranch request) {
        return branches.establish(bureau, request)
                .response("/api/v1/bureaus/" + bureau + "/branches/" + request.code());
    }

    @GetMapping
    Paged<Branch> list(
            @PathVariable String bureau,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size) {
        return branches.list(bureau, page, size);
    }

    @GetMapping("/{branch}")
    BranchDetails get(@PathVariable String bureau, @PathVariable String branch) {
        Branch found = branches.require(bureau, branch);
        return new BranchDetails(
                found.bureau(), found.code(), found.name(), found.divisions(), branches.partyGroupsOf(bureau, branch));
    }

    @PostMapping("/{branch}/party-groups")
    ResponseEntity<PartyGroup> formPartyGroup(
            @PathVariable String bureau, @PathVariable String branch, @Valid @RequestBody FormPartyGroup request) {
        return branches.formPartyGroup(bureau, branch, request)
                .response("/api/v1/bureaus/" + bureau + "/branches/" + branch + "/party-groups/" + request.code());
    }

    /** A branch with its party groups. */
    record BranchDetails(
            String bureau, String code, String name, List<String> divisions, List<PartyGroup> partyGroups) {}
}

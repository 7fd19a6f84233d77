package io.firstsecretary.organisation.changes;

import io.firstsecretary.kit.security.Requires;
import io.firstsecretary.kit.security.Scope;
import io.firstsecretary.organisation.branch.Branch;
import io.firstsecretary.organisation.member.Member;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/bureaus/{bureau}")
class ChangesController {

    private final OrganisationChanges changes;

    ChangesController(OrganisationChanges changes) {
        this.changes = changes;
    }

    @Requires(Scope.DIRECTORY_WRITE)
    @PostMapping("/members/{member}/leave")
    Member leave(@PathVariable String bureau, @PathVariable String member, @Valid @RequestBody LeaveMember request) {
        return changes.leave(bureau, member, new EndOn(request.on(), request.reason()));
    }

    @Requires(Scope.DIRECTORY_WRITE)
    @PostMapping("/branches/{branch}/merge")
    Branch merge(@PathVariable String bureau, @PathVariable String branch, @Valid @RequestBody MergeBranch request) {
        return changes.merge(bureau, branch, request);
    }

    @Requires(Scope.DIRECTORY_WRITE)
    @PostMapping("/branches/{branch}/dissolve")
    Branch dissolve(@PathVariable String bureau, @PathVariable String branch, @Valid @RequestBody EndOn request) {
        return changes.dissolve(bureau, branch, request);
    }
}

package io.firstsecretary.organisation.changes;

import io.firstsecretary.kit.security.Requires;
import io.firstsecretary.kit.security.Scope;
import io.firstsecretary.organisation.branch.Branch;
import io.firstsecretary.organisation.member.Member;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/bureaus/{bureau}")
@Tag(
        name = "Directory changes",
        description = "Changes that touch several parts of the directory: a member leaving, a branch merged or"
                + " dissolved, each ending the first-secretary terms concerned.")
class ChangesController {

    private final OrganisationChanges changes;

    ChangesController(OrganisationChanges changes) {
        this.changes = changes;
    }

    @Requires(Scope.DIRECTORY_WRITE)
    @Operation(
            summary = "Record that a member left the party organisation",
            description = "Any term of the member as first secretary still running ends that day.")
    @ApiResponse(responseCode = "200", description = "Done: the resource as it now is", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "The member has already left")
    @PostMapping("/members/{member}/leave")
    Member leave(@PathVariable String bureau, @PathVariable String member, @Valid @RequestBody LeaveMember request) {
        return changes.leave(bureau, member, new EndOn(request.on(), request.reason()));
    }

    @Requires(Scope.DIRECTORY_WRITE)
    @Operation(
            summary = "Merge a branch into another",
            description = "Moves every member into the other branch, ends the first secretary's term, then ends the"
                    + " branch; repeating the merge finishes what an interrupted one began.")
    @ApiResponse(responseCode = "200", description = "Done: the resource as it now is", useReturnTypeSchema = true)
    @ApiResponse(
            responseCode = "409",
            description = "The branch was dissolved or merged into another branch, or ended meanwhile")
    @PostMapping("/branches/{branch}/merge")
    Branch merge(@PathVariable String bureau, @PathVariable String branch, @Valid @RequestBody MergeBranch request) {
        return changes.merge(bureau, branch, request);
    }

    @Requires(Scope.DIRECTORY_WRITE)
    @Operation(summary = "Dissolve an empty branch", description = "Ends the branch and its first secretary's term.")
    @ApiResponse(responseCode = "200", description = "Done: the resource as it now is", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "The branch still has members, or was already merged or dissolved")
    @PostMapping("/branches/{branch}/dissolve")
    Branch dissolve(@PathVariable String bureau, @PathVariable String branch, @Valid @RequestBody EndOn request) {
        return changes.dissolve(bureau, branch, request);
    }
}

package io.firstsecretary.organisation.member;

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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/bureaus/{bureau}/members")
@Tag(
        name = "Members",
        description = "The members of a bureau's party organisation: their branch, party group, roles and details.")
class MemberController {

    private final Members members;

    MemberController(Members members) {
        this.members = members;
    }

    @Requires(Scope.DIRECTORY_WRITE)
    @Operation(summary = "Register a member")
    @ApiResponse(
            responseCode = "200",
            description = "The member was already registered with the same details: nothing changed",
            useReturnTypeSchema = true)
    @ApiResponse(
            responseCode = "409",
            description = "The member id exists with other details, or the branch already has a secretary or the"
                    + " party group a leader")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Member> register(@PathVariable String bureau, @Valid @RequestBody RegisterMember request) {
        return members.register(bureau, request).response("/api/v1/bureaus/" + bureau + "/members/" + request.id());
    }

    /** Members of the bureau; {@code q} searches names, {@code includeLeft} adds those who left. */
    @Requires(Scope.DIRECTORY_READ)
    @Operation(
            summary = "List the bureau's members",
            description = "branch narrows the list to one branch, q searches names and includeLeft=true adds those"
                    + " who left. Paged, by member id.")
    @GetMapping
    Paged<Member> list(
            @PathVariable String bureau,
            @RequestParam(required = false) String branch,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "false") boolean includeLeft,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size) {
        return members.list(bureau, branch, q, includeLeft, page, size);
    }

    @Requires(Scope.DIRECTORY_WRITE)
    @Operation(
            summary = "Transfer a member to another branch or party group",
            description = "Unless roles are given, the offices held in the old branch (branch secretary, branch"
                    + " committee, group leader) stay behind. The same placement again changes nothing.")
    @ApiResponse(responseCode = "200", description = "Done: the resource as it now is", useReturnTypeSchema = true)
    @ApiResponse(
            responseCode = "409",
            description = "The member has left, or the branch already has a secretary or the party group a leader")
    @PostMapping("/{member}/transfer")
    Member transfer(
            @PathVariable String bureau, @PathVariable String member, @Valid @RequestBody TransferMember request) {
        return members.transfer(bureau, member, request).value();
    }

    @Requires(Scope.DIRECTORY_WRITE)
    @Operation(summary = "Change a member's roles")
    @ApiResponse(responseCode = "200", description = "Done: the resource as it now is", useReturnTypeSchema = true)
    @ApiResponse(
            responseCode = "409",
            description = "The member has left, or the branch already has a secretary or the party group a leader")
    @PutMapping("/{member}/roles")
    Member changeRoles(
            @PathVariable String bureau, @PathVariable String member, @Valid @RequestBody ChangeRoles request) {
        return members.changeRoles(bureau, member, request).value();
    }

    @Requires(Scope.DIRECTORY_WRITE)
    @Operation(summary = "Change a member's name, contact details or party-joining day")
    @ApiResponse(responseCode = "200", description = "Done: the resource as it now is", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "The member has left")
    @PatchMapping("/{member}")
    Member changeDetails(
            @PathVariable String bureau, @PathVariable String member, @Valid @RequestBody ChangeDetails request) {
        return members.changeDetails(bureau, member, request).value();
    }
}

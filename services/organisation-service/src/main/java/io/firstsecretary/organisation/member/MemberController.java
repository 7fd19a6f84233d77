package io.firstsecretary.organisation.member;

import io.firstsecretary.kit.security.Requires;
import io.firstsecretary.kit.security.Scope;
import io.firstsecretary.kit.web.Paged;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/bureaus/{bureau}/members")
class MemberController {

    private final Members members;

    MemberController(Members members) {
        this.members = members;
    }

    @Requires(Scope.DIRECTORY_WRITE)
    @PostMapping
    ResponseEntity<Member> register(@PathVariable String bureau, @Valid @RequestBody RegisterMember request) {
        return members.register(bureau, request).response("/api/v1/bureaus/" + bureau + "/members/" + request.id());
    }

    /** Members of the bureau; {@code q} searches names, {@code includeLeft} adds those who left. */
    @Requires(Scope.DIRECTORY_READ)
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
    @PostMapping("/{member}/transfer")
    Member transfer(
            @PathVariable String bureau, @PathVariable String member, @Valid @RequestBody TransferMember request) {
        return members.transfer(bureau, member, request).value();
    }

    @Requires(Scope.DIRECTORY_WRITE)
    @PutMapping("/{member}/roles")
    Member changeRoles(
            @PathVariable String bureau, @PathVariable String member, @Valid @RequestBody ChangeRoles request) {
        return members.changeRoles(bureau, member, request).value();
    }

    @Requires(Scope.DIRECTORY_WRITE)
    @PatchMapping("/{member}")
    Member changeDetails(
            @PathVariable String bureau, @PathVariable String member, @Valid @RequestBody ChangeDetails request) {
        return members.changeDetails(bureau, member, request).value();
    }
}

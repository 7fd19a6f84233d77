package io.firstsecretary.organisation.member;

import io.firstsecretary.kit.web.Paged;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
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

    @PostMapping
    ResponseEntity<Member> register(@PathVariable String bureau, @Valid @RequestBody RegisterMember request) {
        return members.register(bureau, request).response("/api/v1/bureaus/" + bureau + "/members/" + request.id());
    }

    @GetMapping
    Paged<Member> list(
            @PathVariable String bureau,
            @RequestParam(required = false) String branch,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size) {
        return members.list(bureau, branch, page, size);
    }

    @GetMapping("/{member}")
    Member get(@PathVariable String bureau, @PathVariable String member) {
        return members.require(bureau, member);
    }
}

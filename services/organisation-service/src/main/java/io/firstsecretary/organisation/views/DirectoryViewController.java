package io.firstsecretary.organisation.views;

import io.firstsecretary.kit.security.Requires;
import io.firstsecretary.kit.security.Scope;
import io.firstsecretary.organisation.assignment.FirstSecretaries;
import io.firstsecretary.organisation.branch.Branch;
import io.firstsecretary.organisation.branch.Branches;
import io.firstsecretary.organisation.member.Member;
import io.firstsecretary.organisation.member.Members;
import io.firstsecretary.organisation.member.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Read views that bring branches, members and terms together. */
@RestController
@RequestMapping("/api/v1/bureaus/{bureau}")
@Tag(
        name = "Directory views",
        description = "Read views that bring a bureau's branches, members and first-secretary terms together.")
class DirectoryViewController {

    private final Branches branches;
    private final Members members;
    private final FirstSecretaries firstSecretaries;
    private final Clock clock;

    DirectoryViewController(Branches branches, Members members, FirstSecretaries firstSecretaries, Clock clock) {
        this.branches = branches;
        this.members = members;
        this.firstSecretaries = firstSecretaries;
        this.clock = clock;
    }

    @Requires(Scope.DIRECTORY_READ)
    @Operation(
            summary = "Get a branch with its first secretary, key persons and members",
            description = "Its first secretary today (or on the day an ended branch ended), its branch secretary,"
                    + " committee members, party groups with their leaders, and its active members.")
    @GetMapping("/branches/{branch}")
    BranchView branch(@PathVariable String bureau, @PathVariable String branch) {
        Branch found = branches.require(bureau, branch);
        List<Member> people = members.activeOfBranch(bureau, branch);
        List<BranchView.Person> persons =
                people.stream().map(DirectoryViewController::person).toList();
        var groups = branches.partyGroupsOf(bureau, branch).stream()
                .map(g -> new BranchView.Group(
                        g.code(),
                        g.name(),
                        people.stream()
                                .filter(m -> g.code().equals(m.partyGroup()) && m.holds(Role.GROUP_LEADER))
                                .map(DirectoryViewController::person)
                                .findFirst()
                                .orElse(null),
                        (int) people.stream()
                                .filter(m -> g.code().equals(m.partyGroup()))
                                .count()))
                .toList();
        LocalDate day = found.active() ? LocalDate.now(clock) : found.endedOn();
        return new BranchView(
                found.bureau(),
                found.code(),
                found.name(),
                found.divisions(),
                found.status(),
                found.mergedInto(),
                found.endedOn(),
                firstSecretaries.ofBranchOn(bureau, branch, day).orElse(null),
                people.stream()
                        .filter(m -> m.holds(Role.BRANCH_SECRETARY))
                        .map(DirectoryViewController::person)
                        .findFirst()
                        .orElse(null),
                people.stream()
                        .filter(m -> m.holds(Role.BRANCH_COMMITTEE))
                        .map(DirectoryViewController::person)
                        .toList(),
                groups,
                persons);
    }

    @Requires(Scope.DIRECTORY_READ)
    @Operation(summary = "Get a member with their terms as first secretary")
    @GetMapping("/members/{member}")
    MemberView member(@PathVariable String bureau, @PathVariable String member) {
        return new MemberView(members.require(bureau, member), firstSecretaries.ofMember(member));
    }

    private static BranchView.Person person(Member m) {
        return new BranchView.Person(
                m.id(), m.name(), m.roles().stream().map(Enum::name).toList(), m.partyGroup());
    }
}

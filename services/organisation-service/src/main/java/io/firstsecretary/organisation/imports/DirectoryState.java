package io.firstsecretary.organisation.imports;

import io.firstsecretary.organisation.assignment.FirstSecretaries;
import io.firstsecretary.organisation.branch.Branches;
import io.firstsecretary.organisation.bureau.Bureau;
import io.firstsecretary.organisation.bureau.BureauDirectory;
import io.firstsecretary.organisation.bureau.BureauLevel;
import io.firstsecretary.organisation.member.Members;
import io.firstsecretary.organisation.member.Role;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The directory of one bureau and everything below it, in memory, as it will be after the rows
 * planned so far: what an import's rows are checked against before anything is written.
 */
final class DirectoryState {

    record BureauRow(String code, String name, BureauLevel level, String parent) {}

    record BranchRow(String name, List<String> divisions, boolean active) {}

    record MemberRow(
            String bureau,
            String id,
            String name,
            String email,
            String phone,
            List<Role> roles,
            String branch,
            String partyGroup,
            LocalDate joinedPartyOn,
            boolean active) {}

    record AssignmentRow(String id, String bureau, String member, String branch, LocalDate from, LocalDate to) {

        boolean overlaps(LocalDate otherFrom, LocalDate otherTo) {
            return (to == null || !otherFrom.isAfter(to)) && (otherTo == null || !otherTo.isBefore(from));
        }
    }

    private final String root;
    private final Map<String, BureauRow> bureaus = new HashMap<>();
    private final Map<String, BranchRow> branches = new HashMap<>();
    private final Map<String, String> partyGroups = new HashMap<>();
    private final Map<String, MemberRow> members = new HashMap<>();
    private final Map<String, AssignmentRow> assignments = new HashMap<>();
    private final Map<String, String> holders = new HashMap<>();

    private DirectoryState(String root) {
        this.root = root;
    }

    static DirectoryState load(
            Bureau root,
            BureauDirectory bureaus,
            Branches branches,
            Members members,
            FirstSecretaries firstSecretaries) {
        var state = new DirectoryState(root.code());
        for (String code : bureaus.subtreeOf(root.code())) {
            Bureau bureau = bureaus.require(code);
            state.bureaus.put(code, new BureauRow(code, bureau.name(), bureau.level(), bureau.parent()));
            branches.allOf(code)
                    .forEach(b -> state.branches.put(
                            key(code, b.code()), new BranchRow(b.name(), b.divisions(), b.active())));
            branches.allPartyGroupsOf(code)
                    .forEach(g -> state.partyGroups.put(key(code, g.branch(), g.code()), g.name()));
            members.allOf(code)
                    .forEach(m -> state.putMember(new MemberRow(
                            code,
                            m.id(),
                            m.name(),
                            m.email(),
                            m.phone(),
                            m.roles(),
                            m.branch(),
                            m.partyGroup(),
                            m.joinedPartyOn(),
                            m.active())));
            firstSecretaries
                    .allOf(code)
                    .forEach(a -> state.putAssignment(
                            new AssignmentRow(a.id(), code, a.member(), a.branch(), a.from(), a.to())));
        }
        return state;
    }

    String root() {
        return root;
    }

    boolean hasBureau(String code) {
        return bureaus.containsKey(code);
    }

    BureauRow bureau(String code) {
        return bureaus.get(code);
    }

    /** Whether {@code code} is {@code candidate} or one of its ancestors. */
    boolean isAncestorOrSelf(String code, String candidate) {
        for (String c = candidate;
                c != null;
                c = bureaus.containsKey(c) ? bureaus.get(c).parent() : null) {
            if (c.equals(code)) {
                return true;
            }
        }
        return false;
    }

    void putBureau(String code, String name, BureauLevel level, String parent) {
        bureaus.put(code, new BureauRow(code, name, level, parent));
    }

    BranchRow branch(String bureau, String code) {
        return branches.get(key(bureau, code));
    }

    void putBranch(String bureau, String code, String name, List<String> divisions) {
        branches.put(key(bureau, code), new BranchRow(name, divisions, true));
    }

    String partyGroupName(String bureau, String branch, String code) {
        return partyGroups.get(key(bureau, branch, code));
    }

    void putPartyGroup(String bureau, String branch, String code, String name) {
        partyGroups.put(key(bureau, branch, code), name);
    }

    MemberRow member(String id) {
        return members.get(id);
    }

    void putMember(MemberRow member) {
        var previous = members.put(member.id(), member);
        if (previous != null) {
            holders.values().removeIf(member.id()::equals);
        }
        if (!member.active()) {
            return;
        }
        if (member.roles().contains(Role.BRANCH_SECRETARY)) {
            holders.put(key(member.bureau(), member.branch(), Role.BRANCH_SECRETARY.name()), member.id());
        }
        if (member.roles().contains(Role.GROUP_LEADER) && member.partyGroup() != null) {
            holders.put(
                    key(member.bureau(), member.branch(), member.partyGroup(), Role.GROUP_LEADER.name()), member.id());
        }
    }

    /** Who else holds {@code role} in the branch (or, with a party group, in the group). */
    Optional<MemberRow> holder(String bureau, String branch, String partyGroup, Role role, String except) {
        String holderKey =
                partyGroup == null ? key(bureau, branch, role.name()) : key(bureau, branch, partyGroup, role.name());
        return Optional.ofNullable(holders.get(holderKey))
                .filter(id -> !id.equals(except))
                .map(members::get);
    }

    AssignmentRow assignment(String id) {
        return assignments.get(id);
    }

    void putAssignment(AssignmentRow assignment) {
        assignments.put(assignment.id(), assignment);
    }

    Optional<AssignmentRow> overlapping(String bureau, String branch, String except, LocalDate from, LocalDate to) {
        return assignments.values().stream()
                .filter(a -> a.bureau().equals(bureau) && a.branch().equals(branch) && !a.id().equals(except))
                .filter(a -> a.overlaps(from, to))
                .findFirst();
    }

    private static String key(String... parts) {
        return String.join("/", parts);
    }
}

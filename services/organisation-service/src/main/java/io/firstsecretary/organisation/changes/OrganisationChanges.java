package io.firstsecretary.organisation.changes;

import io.firstsecretary.kit.web.ConflictException;
import io.firstsecretary.kit.web.UnprocessableException;
import io.firstsecretary.organisation.assignment.FirstSecretaries;
import io.firstsecretary.organisation.assignment.FirstSecretaries.EndReason;
import io.firstsecretary.organisation.branch.Branch;
import io.firstsecretary.organisation.branch.BranchStatus;
import io.firstsecretary.organisation.branch.Branches;
import io.firstsecretary.organisation.member.Member;
import io.firstsecretary.organisation.member.Members;
import io.firstsecretary.organisation.member.TransferMember;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Service;

@Service
class OrganisationChanges {

    private final Branches branches;
    private final Members members;
    private final FirstSecretaries firstSecretaries;
    private final Clock clock;

    OrganisationChanges(Branches branches, Members members, FirstSecretaries firstSecretaries, Clock clock) {
        this.branches = branches;
        this.members = members;
        this.firstSecretaries = firstSecretaries;
        this.clock = clock;
    }

    /** The member leaves; any term as first secretary still running ends that day. */
    Member leave(String bureau, String id, EndOn request) {
        LocalDate on = dayOf(request.on());
        Member left = members.leave(bureau, id, on, request.reason());
        firstSecretaries.relieveRunning(bureau, id, null, on, EndReason.MEMBER_LEFT);
        return left;
    }

    /** Moves every member into {@code into}, ends the first secretary's term, then ends the branch. */
    Branch merge(String bureau, String code, MergeBranch request) {
        LocalDate on = dayOf(request.on());
        if (code.equals(request.into())) {
            throw new UnprocessableException("into", "A branch cannot be merged into itself");
        }
        Branch target = branches.find(bureau, request.into())
                .filter(Branch::active)
                .orElseThrow(() ->
                        new UnprocessableException("into", "No branch " + request.into() + " in bureau " + bureau));
        Branch source = branches.require(bureau, code);
        if (source.status() == BranchStatus.MERGED && target.code().equals(source.mergedInto())) {
            return source;
        }
        branches.requireActive(bureau, code);
        for (Member member : members.activeOfBranch(bureau, code)) {
            members.transfer(bureau, member.id(), new TransferMember(target.code(), null, null, on));
        }
        firstSecretaries.relieveRunning(bureau, null, code, on, EndReason.BRANCH_MERGED);
        branches.markMerged(bureau, code, target.code(), on);
        return branches.require(bureau, code);
    }

    /** Dissolves an empty branch and ends its first secretary's term. */
    Branch dissolve(String bureau, String code, EndOn request) {
        LocalDate on = dayOf(request.on());
        branches.requireActive(bureau, code);
        int remaining = members.activeOfBranch(bureau, code).size();
        if (remaining > 0) {
            throw new ConflictException(
                    "branch",
                    "Branch " + code + " still has " + remaining
                            + " members: transfer them first, or merge the branch into another");
        }
        firstSecretaries.relieveRunning(bureau, null, code, on, EndReason.BRANCH_DISSOLVED);
        branches.markDissolved(bureau, code, on);
        return branches.require(bureau, code);
    }

    private LocalDate dayOf(LocalDate on) {
        return on == null ? LocalDate.now(clock) : on;
    }
}

package io.firstsecretary.organisation.branch;

import io.firstsecretary.contracts.Events;
import io.firstsecretary.contracts.organisation.BranchDissolved;
import io.firstsecretary.contracts.organisation.BranchEstablished;
import io.firstsecretary.contracts.organisation.BranchMerged;
import io.firstsecretary.contracts.organisation.BranchRenamed;
import io.firstsecretary.contracts.organisation.PartyGroupFormed;
import io.firstsecretary.kit.outbox.Outbox;
import io.firstsecretary.kit.web.ConflictException;
import io.firstsecretary.kit.web.NotFoundException;
import io.firstsecretary.kit.web.Paged;
import io.firstsecretary.kit.web.Registration;
import io.firstsecretary.kit.web.UnprocessableException;
import io.firstsecretary.organisation.bureau.Bureau;
import io.firstsecretary.organisation.bureau.BureauDirectory;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/** Branches and their party groups. */
@Service
public class Branches {

    static final String BRANCHES = "branches";
    static final String PARTY_GROUPS = "partyGroups";

    private final MongoTemplate mongo;
    private final Outbox outbox;
    private final BureauDirectory bureaus;

    Branches(MongoTemplate mongo, Outbox outbox, BureauDirectory bureaus) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.bureaus = bureaus;
    }

    public Registration<Branch> establish(String bureauCode, EstablishBranch request) {
        Bureau bureau = bureaus.require(bureauCode);
        var branch = new Branch(
                Branch.key(bureau.code(), request.code()),
                bureau.code(),
                request.code(),
                request.name(),
                request.divisions() == null ? List.of() : List.copyOf(request.divisions()),
                BranchStatus.ACTIVE,
                null,
                null);
        var event = outbox.event(
                Events.BRANCH_ESTABLISHED,
                bureau.code(),
                subject(bureau.code(), branch.code()),
                bureau.code(),
                bureau.path(),
                new BranchEstablished(bureau.code(), bureau.path(), branch.code(), branch.name(), branch.divisions()));
        return outbox.insertOnce(BRANCHES, branch.key(), branch, List.of(event), "code");
    }

    /** Renames a branch or changes the divisions it covers; the same details change nothing. */
    public Registration<Branch> rename(String bureauCode, String code, RenameBranch request) {
        Bureau bureau = bureaus.require(bureauCode);
        Branch current = requireActive(bureau.code(), code);
        List<String> divisions = request.divisions() == null ? current.divisions() : List.copyOf(request.divisions());
        if (current.name().equals(request.name()) && current.divisions().equals(divisions)) {
            return new Registration<>(current, false);
        }
        var event = outbox.event(
                Events.BRANCH_RENAMED,
                bureau.code(),
                subject(bureau.code(), code),
                bureau.code(),
                bureau.path(),
                new BranchRenamed(bureau.code(), bureau.path(), code, request.name(), divisions));
        outbox.update(
                BRANCHES,
                byKey(current.key()),
                new Update().set("name", request.name()).set("divisions", divisions),
                List.of(event));
        return new Registration<>(require(bureau.code(), code), true);
    }

    public Registration<PartyGroup> formPartyGroup(String bureauCode, String branchCode, FormPartyGroup request) {
        Bureau bureau = bureaus.require(bureauCode);
        Branch branch = find(bureau.code(), branchCode)
                .orElseThrow(() -> new NotFoundException("No branch " + branchCode + " in bureau " + bureauCode));
        if (!branch.active()) {
            throw new UnprocessableException("branch", "Branch " + branchCode + " no longer exists");
        }
        var group = new PartyGroup(
                PartyGroup.key(bureau.code(), branch.code(), request.code()),
                bureau.code(),
                branch.code(),
                request.code(),
                request.name());
        var event = outbox.event(
                Events.PARTY_GROUP_FORMED,
                bureau.code(),
                subject(bureau.code(), branch.code()) + "/party-groups/" + group.code(),
                bureau.code(),
                bureau.path(),
                new PartyGroupFormed(bureau.code(), bureau.path(), branch.code(), group.code(), group.name()));
        return outbox.insertOnce(PARTY_GROUPS, group.key(), group, List.of(event), "code");
    }

    /** Marks a branch merged into another; its members are transferred separately. */
    public void markMerged(String bureauCode, String code, String into, LocalDate on) {
        Bureau bureau = bureaus.require(bureauCode);
        var event = outbox.event(
                Events.BRANCH_MERGED,
                bureau.code(),
                subject(bureau.code(), code),
                bureau.code(),
                bureau.path(),
                new BranchMerged(bureau.code(), bureau.path(), code, into, on));
        end(Branch.key(bureau.code(), code), BranchStatus.MERGED, into, on, event);
    }

    public void markDissolved(String bureauCode, String code, LocalDate on) {
        Bureau bureau = bureaus.require(bureauCode);
        var event = outbox.event(
                Events.BRANCH_DISSOLVED,
                bureau.code(),
                subject(bureau.code(), code),
                bureau.code(),
                bureau.path(),
                new BranchDissolved(bureau.code(), bureau.path(), code, on));
        end(Branch.key(bureau.code(), code), BranchStatus.DISSOLVED, null, on, event);
    }

    public Optional<Branch> find(String bureau, String code) {
        return Optional.ofNullable(mongo.findById(Branch.key(bureau, code), Branch.class, BRANCHES));
    }

    public Optional<PartyGroup> findPartyGroup(String bureau, String branch, String code) {
        return Optional.ofNullable(
                mongo.findById(PartyGroup.key(bureau, branch, code), PartyGroup.class, PARTY_GROUPS));
    }

    public Branch require(String bureau, String code) {
        bureaus.require(bureau);
        return find(bureau, code)
                .orElseThrow(() -> new NotFoundException("No branch " + code + " in bureau " + bureau));
    }

    /** A branch that still exists, or 409 if it was merged or dissolved. */
    public Branch requireActive(String bureau, String code) {
        Branch branch = require(bureau, code);
        if (!branch.active()) {
            throw new ConflictException(
                    "branch",
                    "Branch " + code + " was " + branch.status().name().toLowerCase() + " on " + branch.endedOn());
        }
        return branch;
    }

    public List<PartyGroup> partyGroupsOf(String bureau, String branch) {
        var query = Query.query(
                        Criteria.where("bureau").is(bureau).and("branch").is(branch))
                .with(Sort.by("code"));
        return mongo.find(query, PartyGroup.class, PARTY_GROUPS);
    }

    /** Every branch of a bureau, for validating a whole import at once. */
    public List<Branch> allOf(String bureau) {
        return mongo.find(Query.query(Criteria.where("bureau").is(bureau)), Branch.class, BRANCHES);
    }

    public List<PartyGroup> allPartyGroupsOf(String bureau) {
        return mongo.find(Query.query(Criteria.where("bureau").is(bureau)), PartyGroup.class, PARTY_GROUPS);
    }

    Paged<Branch> list(String bureau, boolean includeEnded, int page, int size) {
        bureaus.require(bureau);
        Paged.validate(page, size);
        var criteria = Criteria.where("bureau").is(bureau);
        if (!includeEnded) {
            criteria = criteria.and("status").is(BranchStatus.ACTIVE.name());
        }
        var filter = Query.query(criteria);
        var query =
                Query.of(filter).with(Sort.by("code")).skip((long) page * size).limit(size);
        return new Paged<>(mongo.find(query, Branch.class, BRANCHES), page, size, mongo.count(filter, BRANCHES));
    }

    private void end(
            String key,
            BranchStatus status,
            String into,
            LocalDate on,
            io.firstsecretary.kit.outbox.OutboxEvent event) {
        var update = outbox.update(
                BRANCHES,
                Query.query(Criteria.where("_id").is(key).and("status").is(BranchStatus.ACTIVE.name())),
                new Update()
                        .set("status", status.name())
                        .set("mergedInto", into)
                        .set("endedOn", on),
                List.of(event));
        if (update.getModifiedCount() == 0) {
            throw new ConflictException("branch", "The branch has already ended");
        }
    }

    private static Query byKey(String key) {
        return Query.query(Criteria.where("_id").is(key));
    }

    private static String subject(String bureau, String branch) {
        return "bureaus/" + bureau + "/branches/" + branch;
    }
}

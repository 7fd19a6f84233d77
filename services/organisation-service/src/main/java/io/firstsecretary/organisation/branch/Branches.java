package io.firstsecretary.organisation.branch;

import io.firstsecretary.contracts.Events;
import io.firstsecretary.contracts.organisation.BranchEstablished;
import io.firstsecretary.contracts.organisation.PartyGroupFormed;
import io.firstsecretary.kit.outbox.Outbox;
import io.firstsecretary.kit.web.NotFoundException;
import io.firstsecretary.kit.web.Paged;
import io.firstsecretary.kit.web.Registration;
import io.firstsecretary.organisation.bureau.Bureau;
import io.firstsecretary.organisation.bureau.BureauDirectory;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
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

    Registration<Branch> establish(String bureauCode, EstablishBranch request) {
        Bureau bureau = bureaus.require(bureauCode);
        var branch = new Branch(
                Branch.key(bureau.code(), request.code()),
                bureau.code(),
                request.code(),
                request.name(),
                request.divisions() == null ? List.of() : List.copyOf(request.divisions()));
        var event = outbox.event(
                Events.BRANCH_ESTABLISHED,
                bureau.code(),
                "bureaus/" + bureau.code() + "/branches/" + branch.code(),
                bureau.code(),
                bureau.path(),
                new BranchEstablished(bureau.code(), bureau.path(), branch.code(), branch.name(), branch.divisions()));
        return outbox.insertOnce(BRANCHES, branch.key(), branch, List.of(event), "code");
    }

    Registration<PartyGroup> formPartyGroup(String bureauCode, String branchCode, FormPartyGroup request) {
        Bureau bureau = bureaus.require(bureauCode);
        Branch branch = find(bureau.code(), branchCode)
                .orElseThrow(() -> new NotFoundException("No branch " + branchCode + " in bureau " + bureauCode));
        var group = new PartyGroup(
                PartyGroup.key(bureau.code(), branch.code(), request.code()),
                bureau.code(),
                branch.code(),
                request.code(),
                request.name());
        var event = outbox.event(
                Events.PARTY_GROUP_FORMED,
                bureau.code(),
                "bureaus/" + bureau.code() + "/branches/" + branch.code() + "/party-groups/" + group.code(),
                bureau.code(),
                bureau.path(),
                new PartyGroupFormed(bureau.code(), bureau.path(), branch.code(), group.code(), group.name()));
        return outbox.insertOnce(PARTY_GROUPS, group.key(), group, List.of(event), "code");
    }

    public Optional<Branch> find(String bureau, String code) {
        return Optional.ofNullable(mongo.findById(Branch.key(bureau, code), Branch.class, BRANCHES));
    }

    public Optional<PartyGroup> findPartyGroup(String bureau, String branch, String code) {
        return Optional.ofNullable(
                mongo.findById(PartyGroup.key(bureau, branch, code), PartyGroup.class, PARTY_GROUPS));
    }

    Branch require(String bureau, String code) {
        bureaus.require(bureau);
        return find(bureau, code)
                .orElseThrow(() -> new NotFoundException("No branch " + code + " in bureau " + bureau));
    }

    List<PartyGroup> partyGroupsOf(String bureau, String branch) {
        var query = Query.query(
                        Criteria.where("bureau").is(bureau).and("branch").is(branch))
                .with(Sort.by("code"));
        return mongo.find(query, PartyGroup.class, PARTY_GROUPS);
    }

    Paged<Branch> list(String bureau, int page, int size) {
        bureaus.require(bureau);
        Paged.validate(page, size);
        var filter = Query.query(Criteria.where("bureau").is(bureau));
        var query =
                Query.of(filter).with(Sort.by("code")).skip((long) page * size).limit(size);
        return new Paged<>(mongo.find(query, Branch.class, BRANCHES), page, size, mongo.count(filter, BRANCHES));
    }
}

package io.firstsecretary.organisation.assignment;

import io.firstsecretary.contracts.Events;
import io.firstsecretary.contracts.organisation.FirstSecretaryAssigned;
import io.firstsecretary.kit.outbox.Outbox;
import io.firstsecretary.kit.web.ConflictException;
import io.firstsecretary.kit.web.Paged;
import io.firstsecretary.kit.web.Registration;
import io.firstsecretary.kit.web.UnprocessableException;
import io.firstsecretary.organisation.branch.Branches;
import io.firstsecretary.organisation.bureau.Bureau;
import io.firstsecretary.organisation.bureau.BureauDirectory;
import io.firstsecretary.organisation.member.Member;
import io.firstsecretary.organisation.member.Members;
import io.firstsecretary.organisation.member.Role;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** First-secretary assignments: who is first secretary of which branch, when. */
@Service
class FirstSecretaries {

    static final String COLLECTION = "assignments";

    private final MongoTemplate mongo;
    private final Outbox outbox;
    private final BureauDirectory bureaus;
    private final Branches branches;
    private final Members members;

    FirstSecretaries(MongoTemplate mongo, Outbox outbox, BureauDirectory bureaus, Branches branches, Members members) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.bureaus = bureaus;
        this.branches = branches;
        this.members = members;
    }

    Registration<FirstSecretaryAssignment> assign(String bureauCode, AssignFirstSecretary request) {
        Bureau bureau = bureaus.require(bureauCode);
        Member member = members.find(bureau.code(), request.member())
                .orElseThrow(() -> new UnprocessableException(
                        "member", "No member " + request.member() + " in bureau " + bureau.code()));
        if (!member.roles().contains(Role.COMMITTEE_MEMBER)) {
            throw new UnprocessableException(
                    "member", "Member " + member.id() + " is not a party-committee member (COMMITTEE_MEMBER)");
        }
        if (branches.find(bureau.code(), request.branch()).isEmpty()) {
            throw new UnprocessableException("branch", "No branch " + request.branch() + " in bureau " + bureau.code());
        }
        if (request.to() != null && request.to().isBefore(request.from())) {
            throw new UnprocessableException("to", "The term cannot end before it starts");
        }
        var assignment = new FirstSecretaryAssignment(
                bureau.code() + ":" + request.branch() + ":" + request.from(),
                bureau.code(),
                member.id(),
                member.name(),
                request.branch(),
                request.from(),
                request.to());
        ofBranch(bureau.code(), request.branch()).stream()
                .filter(other -> !other.id().equals(assignment.id()))
                .filter(other -> other.overlaps(request.from(), request.to()))
                .findFirst()
                .ifPresent(other -> {
                    throw new ConflictException(
                            "from",
                            "Branch " + request.branch() + " already has first secretary " + other.member() + " from "
                                    + other.from() + (other.to() == null ? "" : " to " + other.to()));
                });
        var event = outbox.event(
                Events.FIRST_SECRETARY_ASSIGNED,
                bureau.code(),
                "bureaus/" + bureau.code() + "/first-secretaries/" + assignment.id(),
                bureau.code(),
                bureau.path(),
                new FirstSecretaryAssigned(
                        bureau.code(),
                        bureau.path(),
                        assignment.id(),
                        member.id(),
                        member.name(),
                        assignment.branch(),
                        assignment.from(),
                        assignment.to()));
        return outbox.insertOnce(COLLECTION, assignment.id(), assignment, List.of(event), "from");
    }

    Paged<FirstSecretaryAssignment> list(String bureau, int page, int size) {
        bureaus.require(bureau);
        Paged.validate(page, size);
        var filter = Query.query(Criteria.where("bureau").is(bureau));
        var query = Query.of(filter)
                .with(Sort.by("branch", "from"))
                .skip((long) page * size)
                .limit(size);
        return new Paged<>(
                mongo.find(query, FirstSecretaryAssignment.class, COLLECTION),
                page,
                size,
                mongo.count(filter, COLLECTION));
    }

    private List<FirstSecretaryAssignment> ofBranch(String bureau, String branch) {
        return mongo.find(
                Query.query(Criteria.where("bureau").is(bureau).and("branch").is(branch)),
                FirstSecretaryAssignment.class,
                COLLECTION);
    }
}

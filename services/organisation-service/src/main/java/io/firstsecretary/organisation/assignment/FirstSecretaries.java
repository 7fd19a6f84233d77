package io.firstsecretary.organisation.assignment;

import io.firstsecretary.contracts.Events;
import io.firstsecretary.contracts.organisation.FirstSecretaryAssigned;
import io.firstsecretary.contracts.organisation.FirstSecretaryRelieved;
import io.firstsecretary.kit.outbox.Outbox;
import io.firstsecretary.kit.web.ConflictException;
import io.firstsecretary.kit.web.NotFoundException;
import io.firstsecretary.kit.web.Paged;
import io.firstsecretary.kit.web.Registration;
import io.firstsecretary.kit.web.UnprocessableException;
import io.firstsecretary.organisation.branch.Branch;
import io.firstsecretary.organisation.branch.Branches;
import io.firstsecretary.organisation.bureau.Bureau;
import io.firstsecretary.organisation.bureau.BureauDirectory;
import io.firstsecretary.organisation.member.Member;
import io.firstsecretary.organisation.member.Members;
import io.firstsecretary.organisation.member.Role;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/** First-secretary assignments: who is first secretary of which branch, when. */
@Service
public class FirstSecretaries {

    static final String COLLECTION = "assignments";

    /** Why a term ended before its planned end. */
    public enum EndReason {
        RELIEVED,
        MEMBER_LEFT,
        BRANCH_MERGED,
        BRANCH_DISSOLVED
    }

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

    public Registration<FirstSecretaryAssignment> assign(String bureauCode, AssignFirstSecretary request) {
        Bureau bureau = bureaus.require(bureauCode);
        String id = idOf(bureau.code(), request.branch(), request.from());
        var existing = mongo.findById(id, FirstSecretaryAssignment.class, COLLECTION);
        if (existing != null) {
            if (existing.member().equals(request.member()) && java.util.Objects.equals(existing.to(), request.to())) {
                return new Registration<>(existing, false);
            }
            throw new ConflictException(
                    "from", "Branch " + request.branch() + " already has a term from " + request.from());
        }
        Member member = members.find(bureau.code(), request.member())
                .orElseThrow(() -> new UnprocessableException(
                        "member", "No member " + request.member() + " in bureau " + bureau.code()));
        if (!member.active()) {
            throw new UnprocessableException("member", "Member " + member.id() + " left on " + member.leftOn());
        }
        if (!member.holds(Role.COMMITTEE_MEMBER)) {
            throw new UnprocessableException(
                    "member", "Member " + member.id() + " is not a party-committee member (COMMITTEE_MEMBER)");
        }
        Branch branch = branches.find(bureau.code(), request.branch())
                .orElseThrow(() -> new UnprocessableException(
                        "branch", "No branch " + request.branch() + " in bureau " + bureau.code()));
        if (!branch.active()) {
            throw new UnprocessableException("branch", "Branch " + branch.code() + " no longer exists");
        }
        if (request.to() != null && request.to().isBefore(request.from())) {
            throw new UnprocessableException("to", "The term cannot end before it starts");
        }
        ofBranch(bureau.code(), request.branch()).stream()
                .filter(other -> other.overlaps(request.from(), request.to()))
                .findFirst()
                .ifPresent(other -> {
                    throw new ConflictException(
                            "from",
                            "Branch " + request.branch() + " already has first secretary " + other.member() + " from "
                                    + other.from() + (other.to() == null ? "" : " to " + other.to()));
                });
        var assignment = new FirstSecretaryAssignment(
                id, bureau.code(), member.id(), member.name(), branch.code(), request.from(), request.to(), null);
        var event = outbox.event(
                Events.FIRST_SECRETARY_ASSIGNED,
                bureau.code(),
                subject(assignment),
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

    /** Ends a term on {@code on}; ending it again on the same day changes nothing. */
    public Registration<FirstSecretaryAssignment> relieve(
            String bureauCode, String id, LocalDate on, EndReason reason) {
        Bureau bureau = bureaus.require(bureauCode);
        var assignment = mongo.findById(id, FirstSecretaryAssignment.class, COLLECTION);
        if (assignment == null || !assignment.bureau().equals(bureau.code())) {
            throw new NotFoundException("No first-secretary assignment " + id + " in bureau " + bureauCode);
        }
        if (on.equals(assignment.to()) && assignment.endReason() != null) {
            return new Registration<>(assignment, false);
        }
        if (on.isBefore(assignment.from().minusDays(1))) {
            throw new UnprocessableException("on", "The term started on " + assignment.from());
        }
        if (assignment.to() != null && on.isAfter(assignment.to())) {
            throw new UnprocessableException("on", "The term already ends on " + assignment.to());
        }
        var event = outbox.event(
                Events.FIRST_SECRETARY_RELIEVED,
                bureau.code(),
                subject(assignment),
                bureau.code(),
                bureau.path(),
                new FirstSecretaryRelieved(
                        bureau.code(),
                        bureau.path(),
                        assignment.id(),
                        assignment.member(),
                        assignment.branch(),
                        assignment.from(),
                        on,
                        reason.name()));
        outbox.update(
                COLLECTION,
                Query.query(Criteria.where("_id").is(id)),
                new Update().set("to", on).set("endReason", reason.name()),
                List.of(event));
        return new Registration<>(mongo.findById(id, FirstSecretaryAssignment.class, COLLECTION), true);
    }

    /** Ends every term of {@code member}, or of {@code branch}, still running on {@code on}. */
    public void relieveRunning(String bureau, String member, String branch, LocalDate on, EndReason reason) {
        var criteria = Criteria.where("bureau").is(bureau);
        criteria = member != null
                ? criteria.and("member").is(member)
                : criteria.and("branch").is(branch);
        mongo.find(Query.query(criteria), FirstSecretaryAssignment.class, COLLECTION).stream()
                .filter(a -> a.to() == null || !a.to().isBefore(on))
                .filter(a -> !a.from().isAfter(on))
                .forEach(a -> relieve(bureau, a.id(), on, reason));
    }

    /** The terms a member has held, earliest first. */
    public List<FirstSecretaryAssignment> ofMember(String member) {
        return mongo.find(
                Query.query(Criteria.where("member").is(member)).with(Sort.by("from")),
                FirstSecretaryAssignment.class,
                COLLECTION);
    }

    /** The current term of a branch on {@code day}, if any. */
    public java.util.Optional<FirstSecretaryAssignment> ofBranchOn(String bureau, String branch, LocalDate day) {
        return ofBranch(bureau, branch).stream().filter(a -> a.activeOn(day)).findFirst();
    }

    public List<FirstSecretaryAssignment> allOf(String bureau) {
        return mongo.find(Query.query(Criteria.where("bureau").is(bureau)), FirstSecretaryAssignment.class, COLLECTION);
    }

    Paged<FirstSecretaryAssignment> list(
            String bureau, boolean includeDescendants, LocalDate activeOn, int page, int size) {
        bureaus.require(bureau);
        Paged.validate(page, size);
        var criteria = includeDescendants
                ? Criteria.where("bureau").in(bureaus.subtreeOf(bureau))
                : Criteria.where("bureau").is(bureau);
        if (activeOn != null) {
            criteria = criteria.and("from")
                    .lte(activeOn)
                    .orOperator(
                            Criteria.where("to").is(null), Criteria.where("to").gte(activeOn));
        }
        var filter = Query.query(criteria);
        var query = Query.of(filter)
                .with(Sort.by("bureau", "branch", "from"))
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

    static String idOf(String bureau, String branch, LocalDate from) {
        return bureau + ":" + branch + ":" + from;
    }

    private static String subject(FirstSecretaryAssignment assignment) {
        return "bureaus/" + assignment.bureau() + "/first-secretaries/" + assignment.id();
    }
}

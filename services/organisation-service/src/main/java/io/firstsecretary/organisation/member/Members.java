package io.firstsecretary.organisation.member;

import io.firstsecretary.contracts.EventType;
import io.firstsecretary.contracts.Events;
import io.firstsecretary.contracts.organisation.MemberChanged;
import io.firstsecretary.contracts.organisation.MemberRegistered;
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
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * The members of each bureau and the changes of their lives in the organisation. Key persons of a
 * branch are members holding a role, so the rules that keep them unique live here: one branch
 * secretary per branch, one leader per party group, a group leader always in a group.
 */
@Service
public class Members {

    static final String COLLECTION = "members";

    /** Offices that belong to a branch and stay behind when a member transfers. */
    static final List<Role> BRANCH_OFFICES = List.of(Role.BRANCH_SECRETARY, Role.BRANCH_COMMITTEE, Role.GROUP_LEADER);

    private final MongoTemplate mongo;
    private final Outbox outbox;
    private final BureauDirectory bureaus;
    private final Branches branches;
    private final Clock clock;

    Members(MongoTemplate mongo, Outbox outbox, BureauDirectory bureaus, Branches branches, Clock clock) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.bureaus = bureaus;
        this.branches = branches;
        this.clock = clock;
    }

    public Registration<Member> register(String bureauCode, RegisterMember request) {
        Bureau bureau = bureaus.require(bureauCode);
        List<Role> roles = normalise(request.roles() == null ? List.of(Role.MEMBER) : request.roles());
        var existing = mongo.findById(request.id(), Member.class, COLLECTION);
        if (existing == null) {
            checkPlacement(bureau.code(), request.id(), request.branch(), request.partyGroup(), roles);
        }
        return registerPlaced(bureau, request);
    }

    /**
     * Registers a member whose placement the caller has already checked against the whole
     * directory, as an import does for all its rows at once.
     */
    public Registration<Member> registerPlaced(Bureau bureau, RegisterMember request) {
        List<Role> roles = normalise(request.roles() == null ? List.of(Role.MEMBER) : request.roles());
        var member = new Member(
                request.id(),
                bureau.code(),
                request.name(),
                request.email(),
                request.phone(),
                roles,
                request.branch(),
                request.partyGroup(),
                request.joinedPartyOn(),
                true,
                null);
        var event = outbox.event(
                Events.MEMBER_REGISTERED,
                bureau.code(),
                subject(member),
                bureau.code(),
                bureau.path(),
                new MemberRegistered(
                        bureau.code(),
                        bureau.path(),
                        member.id(),
                        member.name(),
                        member.email(),
                        member.phone(),
                        names(roles),
                        member.branch(),
                        member.partyGroup(),
                        member.joinedPartyOn()));
        return outbox.insertOnce(COLLECTION, member.id(), member, List.of(event), "id");
    }

    public Registration<Member> transfer(String bureau, String id, TransferMember request) {
        Member current = requireActive(bureau, id);
        List<Role> roles = normalise(
                request.roles() != null
                        ? request.roles()
                        : current.roles().stream()
                                .filter(r -> !BRANCH_OFFICES.contains(r))
                                .toList());
        if (current.branch().equals(request.branch())
                && Objects.equals(current.partyGroup(), request.partyGroup())
                && current.roles().equals(roles)) {
            return new Registration<>(current, false);
        }
        checkPlacement(bureau, id, request.branch(), request.partyGroup(), roles);
        var changed = with(current, roles, request.branch(), request.partyGroup());
        save(changed, Events.MEMBER_TRANSFERRED, dayOf(request.on()), current, null);
        return new Registration<>(changed, true);
    }

    public Registration<Member> changeRoles(String bureau, String id, ChangeRoles request) {
        Member current = requireActive(bureau, id);
        List<Role> roles = normalise(request.roles());
        if (current.roles().equals(roles)) {
            return new Registration<>(current, false);
        }
        checkPlacement(bureau, id, current.branch(), current.partyGroup(), roles);
        var changed = with(current, roles, current.branch(), current.partyGroup());
        save(changed, Events.MEMBER_ROLES_CHANGED, dayOf(request.on()), null, null);
        return new Registration<>(changed, true);
    }

    public Registration<Member> changeDetails(String bureau, String id, ChangeDetails request) {
        Member current = requireActive(bureau, id);
        var changed = new Member(
                current.id(),
                current.bureau(),
                request.name(),
                request.email(),
                request.phone(),
                current.roles(),
                current.branch(),
                current.partyGroup(),
                request.joinedPartyOn(),
                true,
                null);
        if (changed.equals(current)) {
            return new Registration<>(current, false);
        }
        save(changed, Events.MEMBER_DETAILS_CHANGED, LocalDate.now(clock), null, null);
        return new Registration<>(changed, true);
    }

    /** The member leaves the party organisation of the bureau (transferred out, retired, …). */
    public Member leave(String bureau, String id, LocalDate on, String reason) {
        Member current = requireActive(bureau, id);
        var left = new Member(
                current.id(),
                current.bureau(),
                current.name(),
                current.email(),
                current.phone(),
                current.roles(),
                current.branch(),
                current.partyGroup(),
                current.joinedPartyOn(),
                false,
                dayOf(on));
        save(left, Events.MEMBER_LEFT, left.leftOn(), null, reason);
        return left;
    }

    /** A member of {@code bureau}; members of other bureaus are not visible through it. */
    public Optional<Member> find(String bureau, String id) {
        return Optional.ofNullable(mongo.findById(id, Member.class, COLLECTION))
                .filter(m -> m.bureau().equals(bureau));
    }

    public Member require(String bureau, String id) {
        bureaus.require(bureau);
        return find(bureau, id).orElseThrow(() -> new NotFoundException("No member " + id + " in bureau " + bureau));
    }

    public List<Member> activeOfBranch(String bureau, String branch) {
        return mongo.find(
                Query.query(Criteria.where("bureau")
                                .is(bureau)
                                .and("branch")
                                .is(branch)
                                .and("active")
                                .is(true))
                        .with(Sort.by("_id")),
                Member.class,
                COLLECTION);
    }

    /** Whether any bureau has a member with this id. */
    public boolean existsAnywhere(String id) {
        return mongo.exists(Query.query(Criteria.where("_id").is(id)), COLLECTION);
    }

    /** Every member of a bureau, for validating a whole import at once. */
    public List<Member> allOf(String bureau) {
        return mongo.find(Query.query(Criteria.where("bureau").is(bureau)), Member.class, COLLECTION);
    }

    Paged<Member> list(String bureau, String branch, String q, boolean includeLeft, int page, int size) {
        bureaus.require(bureau);
        Paged.validate(page, size);
        var criteria = Criteria.where("bureau").is(bureau);
        if (branch != null) {
            criteria = criteria.and("branch").is(branch);
        }
        if (!includeLeft) {
            criteria = criteria.and("active").is(true);
        }
        if (q != null && !q.isBlank()) {
            criteria = criteria.and("name").regex(Pattern.quote(q.trim()), "i");
        }
        var query = Query.query(criteria)
                .with(Sort.by("_id"))
                .skip((long) page * size)
                .limit(size);
        return new Paged<>(
                mongo.find(query, Member.class, COLLECTION),
                page,
                size,
                mongo.count(Query.query(criteria), COLLECTION));
    }

    /** Checks that a member may sit where it is being put, with these roles. */
    void checkPlacement(String bureau, String id, String branchCode, String partyGroup, List<Role> roles) {
        Branch branch = branches.find(bureau, branchCode)
                .orElseThrow(
                        () -> new UnprocessableException("branch", "No branch " + branchCode + " in bureau " + bureau));
        if (!branch.active()) {
            throw new UnprocessableException("branch", "Branch " + branchCode + " no longer exists");
        }
        if (partyGroup != null
                && branches.findPartyGroup(bureau, branchCode, partyGroup).isEmpty()) {
            throw new UnprocessableException("partyGroup", "No party group " + partyGroup + " in branch " + branchCode);
        }
        if (roles.contains(Role.GROUP_LEADER) && partyGroup == null) {
            throw new UnprocessableException("roles", "A GROUP_LEADER must belong to a party group");
        }
        if (roles.contains(Role.BRANCH_SECRETARY)) {
            holderOf(bureau, branchCode, null, Role.BRANCH_SECRETARY, id).ifPresent(other -> {
                throw new ConflictException(
                        "roles",
                        "Branch " + branchCode + " already has a secretary: " + other.name() + " (" + other.id() + ")");
            });
        }
        if (roles.contains(Role.GROUP_LEADER)) {
            holderOf(bureau, branchCode, partyGroup, Role.GROUP_LEADER, id).ifPresent(other -> {
                throw new ConflictException(
                        "roles",
                        "Party group " + partyGroup + " already has a leader: " + other.name() + " (" + other.id()
                                + ")");
            });
        }
    }

    private Optional<Member> holderOf(String bureau, String branch, String partyGroup, Role role, String except) {
        var criteria = Criteria.where("bureau")
                .is(bureau)
                .and("branch")
                .is(branch)
                .and("active")
                .is(true)
                .and("roles")
                .is(role.name())
                .and("_id")
                .ne(except);
        if (partyGroup != null) {
            criteria = criteria.and("partyGroup").is(partyGroup);
        }
        return Optional.ofNullable(mongo.findOne(Query.query(criteria), Member.class, COLLECTION));
    }

    private Member requireActive(String bureau, String id) {
        Member member = require(bureau, id);
        if (!member.active()) {
            throw new ConflictException("id", "Member " + id + " left on " + member.leftOn());
        }
        return member;
    }

    private void save(Member member, EventType<MemberChanged> type, LocalDate on, Member before, String reason) {
        Bureau bureau = bureaus.require(member.bureau());
        var event = outbox.event(
                type,
                bureau.code(),
                subject(member),
                bureau.code(),
                bureau.path(),
                new MemberChanged(
                        bureau.code(),
                        bureau.path(),
                        member.id(),
                        member.name(),
                        member.email(),
                        member.phone(),
                        names(member.roles()),
                        member.branch(),
                        member.partyGroup(),
                        member.joinedPartyOn(),
                        member.active(),
                        on,
                        before == null ? null : before.branch(),
                        before == null ? null : before.partyGroup(),
                        reason));
        outbox.update(
                COLLECTION,
                Query.query(Criteria.where("_id").is(member.id())),
                new Update()
                        .set("name", member.name())
                        .set("email", member.email())
                        .set("phone", member.phone())
                        .set("roles", names(member.roles()))
                        .set("branch", member.branch())
                        .set("partyGroup", member.partyGroup())
                        .set("joinedPartyOn", member.joinedPartyOn())
                        .set("active", member.active())
                        .set("leftOn", member.leftOn()),
                List.of(event));
    }

    private LocalDate dayOf(LocalDate on) {
        return on == null ? LocalDate.now(clock) : on;
    }

    private static Member with(Member m, List<Role> roles, String branch, String partyGroup) {
        return new Member(
                m.id(),
                m.bureau(),
                m.name(),
                m.email(),
                m.phone(),
                roles,
                branch,
                partyGroup,
                m.joinedPartyOn(),
                true,
                null);
    }

    public static List<Role> normalise(List<Role> roles) {
        List<Role> distinct = roles.stream().distinct().sorted().toList();
        return distinct.isEmpty() ? List.of(Role.MEMBER) : distinct;
    }

    private static List<String> names(List<Role> roles) {
        return roles.stream().map(Enum::name).toList();
    }

    private static String subject(Member member) {
        return "bureaus/" + member.bureau() + "/members/" + member.id();
    }
}

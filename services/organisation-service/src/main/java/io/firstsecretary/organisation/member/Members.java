package io.firstsecretary.organisation.member;

import io.firstsecretary.contracts.Events;
import io.firstsecretary.contracts.organisation.MemberRegistered;
import io.firstsecretary.kit.outbox.Outbox;
import io.firstsecretary.kit.web.NotFoundException;
import io.firstsecretary.kit.web.Paged;
import io.firstsecretary.kit.web.Registration;
import io.firstsecretary.kit.web.UnprocessableException;
import io.firstsecretary.organisation.branch.Branches;
import io.firstsecretary.organisation.bureau.Bureau;
import io.firstsecretary.organisation.bureau.BureauDirectory;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** The members of each bureau. */
@Service
public class Members {

    static final String COLLECTION = "members";

    private final MongoTemplate mongo;
    private final Outbox outbox;
    private final BureauDirectory bureaus;
    private final Branches branches;

    Members(MongoTemplate mongo, Outbox outbox, BureauDirectory bureaus, Branches branches) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.bureaus = bureaus;
        this.branches = branches;
    }

    Registration<Member> register(String bureauCode, RegisterMember request) {
        Bureau bureau = bureaus.require(bureauCode);
        if (branches.find(bureau.code(), request.branch()).isEmpty()) {
            throw new UnprocessableException("branch", "No branch " + request.branch() + " in bureau " + bureau.code());
        }
        if (request.partyGroup() != null
                && branches.findPartyGroup(bureau.code(), request.branch(), request.partyGroup())
                        .isEmpty()) {
            throw new UnprocessableException(
                    "partyGroup", "No party group " + request.partyGroup() + " in branch " + request.branch());
        }
        List<Role> roles = request.roles() == null
                ? List.of(Role.MEMBER)
                : request.roles().stream().distinct().sorted().toList();
        if (roles.contains(Role.GROUP_LEADER) && request.partyGroup() == null) {
            throw new UnprocessableException("roles", "A GROUP_LEADER must belong to a party group");
        }
        var member = new Member(
                request.id(),
                bureau.code(),
                request.name(),
                request.email(),
                request.phone(),
                roles,
                request.branch(),
                request.partyGroup(),
                request.joinedPartyOn());
        var event = outbox.event(
                Events.MEMBER_REGISTERED,
                bureau.code(),
                "bureaus/" + bureau.code() + "/members/" + member.id(),
                bureau.code(),
                bureau.path(),
                new MemberRegistered(
                        bureau.code(),
                        bureau.path(),
                        member.id(),
                        member.name(),
                        member.email(),
                        member.phone(),
                        roles.stream().map(Enum::name).toList(),
                        member.branch(),
                        member.partyGroup(),
                        member.joinedPartyOn()));
        return outbox.insertOnce(COLLECTION, member.id(), member, List.of(event), "id");
    }

    /** A member of {@code bureau}; members of other bureaus are not visible through it. */
    public Optional<Member> find(String bureau, String id) {
        return Optional.ofNullable(mongo.findById(id, Member.class, COLLECTION))
                .filter(m -> m.bureau().equals(bureau));
    }

    Member require(String bureau, String id) {
        bureaus.require(bureau);
        return find(bureau, id).orElseThrow(() -> new NotFoundException("No member " + id + " in bureau " + bureau));
    }

    Paged<Member> list(String bureau, String branch, int page, int size) {
        bureaus.require(bureau);
        Paged.validate(page, size);
        var criteria = Criteria.where("bureau").is(bureau);
        if (branch != null) {
            criteria = criteria.and("branch").is(branch);
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
}

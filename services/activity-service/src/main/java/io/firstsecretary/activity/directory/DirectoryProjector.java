package io.firstsecretary.activity.directory;

import io.firstsecretary.contracts.Events;
import io.firstsecretary.contracts.Topics;
import io.firstsecretary.contracts.organisation.MemberChanged;
import io.firstsecretary.contracts.organisation.MemberRegistered;
import io.firstsecretary.kit.events.IncomingEvent;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the {@link Directory} replica from organisation events. Each event carries the full state
 * of what it describes and is applied as an upsert, so a redelivered event changes nothing; the
 * topic is keyed by bureau, so a bureau's changes arrive in order.
 */
@Component
public class DirectoryProjector {

    private final MongoTemplate mongo;

    DirectoryProjector(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public static final String LISTENER = "activity-directory";

    /** The field of a branch's document that copies its first-secretary terms, so a check reads one document. */
    static final String TERMS = "terms";

    /**
     * The field of a branch's document that copies, by id, each member who belongs or belonged to it,
     * so a check reads one document; kept by every event of the member.
     */
    static final String MEMBERS = "members";

    @KafkaListener(id = LISTENER, idIsGroup = false, topics = Topics.ORGANISATION)
    void on(ConsumerRecord<String, byte[]> record) {
        var event = IncomingEvent.from(record);
        if (event.is(Events.BUREAU_REGISTERED)) {
            var bureau = event.payload(Events.BUREAU_REGISTERED);
            bureau(bureau.code(), bureau.name(), bureau.path());
        } else if (event.is(Events.BUREAU_CHANGED)) {
            var bureau = event.payload(Events.BUREAU_CHANGED);
            bureau(bureau.code(), bureau.name(), bureau.path());
            mongo.updateMulti(
                    Query.query(Criteria.where("bureau").is(bureau.code())),
                    new Update().set("path", bureau.path()),
                    Directory.BRANCHES);
        } else if (event.is(Events.BRANCH_ESTABLISHED)) {
            var branch = event.payload(Events.BRANCH_ESTABLISHED);
            branch(
                    branch.bureau(),
                    branch.code(),
                    new Update()
                            .set("bureau", branch.bureau())
                            .set("path", branch.bureauPath())
                            .set("name", branch.name())
                            .setOnInsert(TERMS, List.of()));
        } else if (event.is(Events.BRANCH_RENAMED)) {
            var branch = event.payload(Events.BRANCH_RENAMED);
            branch(
                    branch.bureau(),
                    branch.code(),
                    new Update()
                            .set("bureau", branch.bureau())
                            .set("path", branch.bureauPath())
                            .set("name", branch.name()));
        } else if (event.is(Events.BRANCH_MERGED)) {
            var branch = event.payload(Events.BRANCH_MERGED);
            branch(branch.bureau(), branch.code(), ended(branch.on()).set("mergedInto", branch.into()));
        } else if (event.is(Events.BRANCH_DISSOLVED)) {
            var branch = event.payload(Events.BRANCH_DISSOLVED);
            branch(branch.bureau(), branch.code(), ended(branch.on()));
        } else if (event.is(Events.MEMBER_REGISTERED)) {
            var member = event.payload(Events.MEMBER_REGISTERED);
            registered(member);
            copyToBranches(member.id());
        } else if (event.is(Events.FIRST_SECRETARY_ASSIGNED)) {
            var term = event.payload(Events.FIRST_SECRETARY_ASSIGNED);
            upsert(
                    Directory.ASSIGNMENTS,
                    term.assignment(),
                    new Update()
                            .set("bureau", term.bureau())
                            .set("branch", term.branch())
                            .set("member", term.member())
                            .set("from", term.from().toString())
                            .set("to", term.to() == null ? null : term.to().toString()));
            terms(term.bureau(), term.branch());
        } else if (event.is(Events.FIRST_SECRETARY_RELIEVED)) {
            var term = event.payload(Events.FIRST_SECRETARY_RELIEVED);
            upsert(
                    Directory.ASSIGNMENTS,
                    term.assignment(),
                    new Update().set("to", term.to().toString()));
            terms(term.bureau(), term.branch());
        } else {
            for (var type : List.of(
                    Events.MEMBER_TRANSFERRED,
                    Events.MEMBER_ROLES_CHANGED,
                    Events.MEMBER_DETAILS_CHANGED,
                    Events.MEMBER_LEFT)) {
                if (event.is(type)) {
                    var member = event.payload(type);
                    if (type == Events.MEMBER_TRANSFERRED) {
                        transferred(member);
                    }
                    changed(member);
                    copyToBranches(member.id());
                }
            }
        }
    }

    static Query assignmentsOf(String bureau, String branch) {
        return Query.query(Criteria.where("bureau").is(bureau).and("branch").is(branch));
    }

    /** Copies the branch's terms into its document; a branch not yet known is left to read them apart. */
    private void terms(String bureau, String branch) {
        var terms = mongo.find(assignmentsOf(bureau, branch), Document.class, Directory.ASSIGNMENTS).stream()
                .map(a -> new Document("member", a.getString("member"))
                        .append("from", a.getString("from"))
                        .append("to", a.getString("to")))
                .toList();
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(bureau + "/" + branch)),
                new Update().set(TERMS, terms),
                Directory.BRANCHES);
    }

    /** Copies the member into every branch they belong or belonged to; a branch not yet known reads them apart. */
    private void copyToBranches(String id) {
        var member = mongo.findById(id, Document.class, Directory.MEMBERS);
        if (member == null) {
            return;
        }
        var branches = new LinkedHashSet<String>();
        branches.add(member.getString("branch"));
        member.getList("memberships", Document.class, List.of()).forEach(m -> branches.add(m.getString("branch")));
        var copy = new Document(member);
        copy.remove("_id");
        mongo.updateMulti(
                Query.query(Criteria.where("_id")
                        .in(branches.stream()
                                .filter(Objects::nonNull)
                                .map(b -> member.getString("bureau") + "/" + b)
                                .toList())),
                new Update().set(MEMBERS + "." + id, copy),
                Directory.BRANCHES);
    }

    private void bureau(String code, String name, List<String> path) {
        upsert(Directory.BUREAUS, code, new Update().set("name", name).set("path", path));
    }

    private void branch(String bureau, String code, Update update) {
        upsert(Directory.BRANCHES, bureau + "/" + code, update.set("code", code));
    }

    private static Update ended(LocalDate on) {
        return new Update().set("endedOn", on.toString());
    }

    private void registered(MemberRegistered member) {
        member(member.id(), member.bureau(), member.name(), member.branch(), member.roles(), true, null);
        upsert(
                Directory.MEMBERS,
                member.id(),
                new Update().set("memberships", List.of(new DirectoryMember.Membership(member.branch(), null, null))));
    }

    /** A transfer closes the membership of the old branch the day before and opens the new one. */
    private void transferred(MemberChanged member) {
        var current = mongo.findById(member.id(), DirectoryMember.class, Directory.MEMBERS);
        var memberships = new java.util.ArrayList<DirectoryMember.Membership>(
                current == null || current.memberships() == null ? List.of() : current.memberships());
        String from = member.effectiveOn().toString();
        boolean applied =
                memberships.stream().anyMatch(m -> m.branch().equals(member.branch()) && from.equals(m.from()));
        if (!applied) {
            if (!memberships.isEmpty()
                    && memberships.get(memberships.size() - 1).to() == null) {
                var last = memberships.remove(memberships.size() - 1);
                memberships.add(new DirectoryMember.Membership(
                        last.branch(),
                        last.from(),
                        member.effectiveOn().minusDays(1).toString()));
            }
            memberships.add(new DirectoryMember.Membership(member.branch(), from, null));
            upsert(Directory.MEMBERS, member.id(), new Update().set("memberships", memberships));
        }
    }

    private void changed(MemberChanged member) {
        member(
                member.id(),
                member.bureau(),
                member.name(),
                member.branch(),
                member.roles(),
                member.active(),
                member.active() ? null : member.effectiveOn());
    }

    private void member(
            String id,
            String bureau,
            String name,
            String branch,
            List<String> roles,
            boolean active,
            LocalDate leftOn) {
        upsert(
                Directory.MEMBERS,
                id,
                new Update()
                        .set("bureau", bureau)
                        .set("name", name)
                        .set("branch", branch)
                        .set("roles", roles)
                        .set("active", active)
                        .set("leftOn", leftOn));
    }

    private void upsert(String collection, String id, Update update) {
        mongo.upsert(Query.query(Criteria.where("_id").is(id)), update, collection);
    }
}

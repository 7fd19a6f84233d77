package io.firstsecretary.notification.directory;

import io.firstsecretary.contracts.Topics;
import io.firstsecretary.kit.consumer.ReplicaCatchUp;
import io.firstsecretary.kit.security.BureauTree;
import io.firstsecretary.kit.web.NotFoundException;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * A replica of the directory, kept from the organisation topic: members' addresses and offices and
 * branches' names. Each record holds a member's or branch's full state, so replaying is harmless.
 */
@Repository
public class Directory implements BureauTree {

    public static final String BRANCH_SECRETARY = "BRANCH_SECRETARY";
    public static final String PARTY_BUILDING_OFFICE = "PARTY_BUILDING_OFFICE";

    static final String PEOPLE = "people";
    static final String BRANCHES = "branches";
    static final String BUREAUS = "bureaus";

    private final MongoTemplate mongo;
    private final ReplicaCatchUp replica;

    Directory(MongoTemplate mongo, ReplicaCatchUp replica) {
        this.mongo = mongo;
        this.replica = replica;
    }

    /**
     * The bureau, known from the organisation topic, or a 404 naming it once the replica has caught
     * up (a bureau registered a moment ago is not refused).
     */
    public void requireBureau(String bureau) {
        if (!knowsBureau(bureau) && !(replica.awaitCurrent(Topics.ORGANISATION) && knowsBureau(bureau))) {
            throw new NotFoundException("No bureau " + bureau);
        }
    }

    private boolean knowsBureau(String bureau) {
        return mongo.exists(Query.query(Criteria.where("_id").is(bureau)), BUREAUS);
    }

    /** The member of the bureau, or a 404 naming them once the replica has caught up. */
    public Person requirePerson(String bureau, String member) {
        requireBureau(bureau);
        var person = person(bureau, member);
        if (person.isEmpty() && replica.awaitCurrent(Topics.ORGANISATION)) {
            person = person(bureau, member);
        }
        return person.orElseThrow(() -> new NotFoundException("No member " + member + " in bureau " + bureau));
    }

    public Optional<Person> person(String bureau, String member) {
        return Optional.ofNullable(mongo.findById(Person.keyOf(bureau, member), Person.class, PEOPLE));
    }

    /** Active members of the bureau holding {@code role}, e.g. the party-building office. */
    public List<Person> holders(String bureau, String role) {
        return mongo.find(
                Query.query(Criteria.where("bureau")
                        .is(bureau)
                        .and("roles")
                        .is(role)
                        .and("active")
                        .is(true)),
                Person.class,
                PEOPLE);
    }

    /** The branch's secretary, if it has one. */
    public Optional<Person> branchSecretary(String bureau, String branch) {
        return mongo
                .find(
                        Query.query(Criteria.where("bureau")
                                .is(bureau)
                                .and("branch")
                                .is(branch)
                                .and("roles")
                                .is(BRANCH_SECRETARY)
                                .and("active")
                                .is(true)),
                        Person.class,
                        PEOPLE)
                .stream()
                .findFirst();
    }

    /** The branch's name, or its code when it is not known. */
    public String branchName(String bureau, String branch) {
        if (branch == null) {
            return null;
        }
        var known = mongo.findById(bureau + "/" + branch, Branch.class, BRANCHES);
        return known == null ? branch : known.name();
    }

    void save(Person person) {
        mongo.save(person, PEOPLE);
    }

    void saveBureau(String code, List<String> path) {
        mongo.save(new Document("_id", code).append("path", path), BUREAUS);
    }

    @Override
    public Optional<List<String>> pathOf(String bureau) {
        return Optional.ofNullable(mongo.findById(bureau, Document.class, BUREAUS))
                .map(d -> d.getList("path", String.class));
    }

    void saveBranch(String bureau, String code, String name) {
        mongo.save(new Branch(bureau + "/" + code, bureau, code, name), BRANCHES);
    }

    record Branch(@Id String key, String bureau, String code, String name) {}
}

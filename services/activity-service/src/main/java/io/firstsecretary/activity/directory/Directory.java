package io.firstsecretary.activity.directory;

import io.firstsecretary.kit.security.BureauTree;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * This service's replica of the organisation directory, built from organisation events: what it
 * needs to validate a record without calling the organisation service.
 */
@Component
public class Directory implements BureauTree {

    static final String BUREAUS = "directoryBureaus";
    static final String BRANCHES = "directoryBranches";
    static final String MEMBERS = "directoryMembers";
    static final String ASSIGNMENTS = "directoryAssignments";

    private final MongoTemplate mongo;

    Directory(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Optional<List<String>> pathOf(String bureau) {
        return bureauPath(bureau);
    }

    /** The bureau's path from the root of the tree, if the bureau is known. */
    public Optional<List<String>> bureauPath(String bureau) {
        return Optional.ofNullable(mongo.findById(bureau, Document.class, BUREAUS))
                .map(d -> d.getList("path", String.class));
    }

    /**
     * A branch as the replica knows it, with its bureau's path, first-secretary terms and copy of
     * members, in one read; empty if the branch is unknown. A branch stored before its document
     * carried its terms reads them apart.
     */
    public Optional<DirectoryBranch> branch(String bureau, String branch) {
        var found = mongo.findById(bureau + "/" + branch, Document.class, BRANCHES);
        if (found == null) {
            return Optional.empty();
        }
        var terms = found.containsKey(DirectoryProjector.TERMS)
                ? found.getList(DirectoryProjector.TERMS, Document.class)
                : mongo.find(DirectoryProjector.assignmentsOf(bureau, branch), Document.class, ASSIGNMENTS);
        var members = new HashMap<String, DirectoryMember>();
        found.get(DirectoryProjector.MEMBERS, new Document())
                .forEach((id, member) -> members.put(
                        id,
                        mongo.getConverter()
                                .read(DirectoryMember.class, new Document((Document) member).append("_id", id))));
        return Optional.of(new DirectoryBranch(
                found.getList("path", String.class),
                found.getString("endedOn") == null ? null : LocalDate.parse(found.getString("endedOn")),
                terms.stream()
                        .map(t -> new DirectoryBranch.Term(
                                t.getString("member"),
                                LocalDate.parse(t.getString("from")),
                                t.getString("to") == null ? null : LocalDate.parse(t.getString("to"))))
                        .toList(),
                members));
    }

    /**
     * The members of {@code bureau} among {@code ids}, by id: those a branch's copy holds from it, the
     * rest in one read.
     */
    public Map<String, DirectoryMember> members(
            String bureau, Collection<String> ids, Map<String, DirectoryMember> copied) {
        var found = new HashMap<String, DirectoryMember>();
        var missing = new ArrayList<String>();
        for (String id : ids) {
            var member = copied.get(id);
            if (member == null) {
                missing.add(id);
            } else if (member.bureau().equals(bureau)) {
                found.put(id, member);
            }
        }
        if (!missing.isEmpty()) {
            var named = Query.query(Criteria.where("_id").in(missing));
            mongo.find(named, DirectoryMember.class, MEMBERS).stream()
                    .filter(m -> m.bureau().equals(bureau))
                    .forEach(m -> found.put(m.id(), m));
        }
        return found;
    }
}

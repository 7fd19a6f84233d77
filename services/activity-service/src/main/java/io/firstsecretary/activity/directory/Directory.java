package io.firstsecretary.activity.directory;

import io.firstsecretary.kit.security.BureauTree;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
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

    /** Whether the branch existed on {@code day}: known, and not merged or dissolved before it. */
    public boolean branchExistedOn(String bureau, String branch, LocalDate day) {
        var found = mongo.findById(bureau + "/" + branch, Document.class, BRANCHES);
        if (found == null) {
            return false;
        }
        String endedOn = found.getString("endedOn");
        return endedOn == null || !day.isAfter(LocalDate.parse(endedOn));
    }

    /** The first secretary of a branch on {@code day}, if it had one. */
    public Optional<String> firstSecretaryOn(String bureau, String branch, LocalDate day) {
        var ofBranch = org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("bureau")
                        .is(bureau)
                        .and("branch")
                        .is(branch));
        return mongo.find(ofBranch, Document.class, ASSIGNMENTS).stream()
                .filter(a -> !day.isBefore(LocalDate.parse(a.getString("from"))))
                .filter(a -> a.getString("to") == null || !day.isAfter(LocalDate.parse(a.getString("to"))))
                .map(a -> a.getString("member"))
                .findFirst();
    }

    /** A member of {@code bureau}. */
    public Optional<DirectoryMember> member(String bureau, String id) {
        return Optional.ofNullable(mongo.findById(id, DirectoryMember.class, MEMBERS))
                .filter(m -> m.bureau().equals(bureau));
    }
}

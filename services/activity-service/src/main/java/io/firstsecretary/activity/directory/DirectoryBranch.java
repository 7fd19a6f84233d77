package io.firstsecretary.activity.directory;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A branch of the replica: its bureau's path, when it ended (merged or dissolved), if it did, its
 * first secretaries' terms, and the members it holds a copy of, by id. A branch replicated before it
 * carried the path has none, and its copy of members may lack some: {@link Directory#members} reads
 * those apart.
 */
public record DirectoryBranch(
        List<String> bureauPath, LocalDate endedOn, List<Term> terms, Map<String, DirectoryMember> members) {

    /** A first secretary's term; {@code to} is null while it runs. */
    public record Term(String member, LocalDate from, LocalDate to) {

        boolean covers(LocalDate day) {
            return !day.isBefore(from) && (to == null || !day.isAfter(to));
        }
    }

    /** Whether the branch existed on {@code day}: not merged or dissolved before it. */
    public boolean existedOn(LocalDate day) {
        return endedOn == null || !day.isAfter(endedOn);
    }

    /** The first secretary of the branch on {@code day}, if it had one. */
    public Optional<String> firstSecretaryOn(LocalDate day) {
        return terms.stream().filter(t -> t.covers(day)).map(Term::member).findFirst();
    }
}

package io.firstsecretary.assessment.competition;

import io.firstsecretary.assessment.facts.ById;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/** The competition groups (竞赛小组) a bureau defines; without any, its first secretaries compete as one group. */
@Repository
class CompetitionGroups {

    static final String COLLECTION = "competition_groups";

    private final MongoTemplate mongo;

    CompetitionGroups(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    record Group(String code, String name, List<String> members) {}

    record Groups(@Id String bureau, List<Group> groups) {

        /** The group of {@code member}: the one listing them, else the bureau's default group. */
        String of(String member) {
            return groups.stream()
                    .filter(g -> g.members().contains(member))
                    .map(Group::code)
                    .findFirst()
                    .orElse(bureau);
        }
    }

    Groups of(String bureau) {
        return Optional.ofNullable(mongo.findById(bureau, Groups.class, COLLECTION))
                .orElse(new Groups(bureau, List.of()));
    }

    /** The groups of each of the bureaus, in one read. */
    Map<String, Groups> of(Collection<String> bureaus) {
        var found = ById.find(mongo, bureaus, Groups.class, COLLECTION).stream()
                .collect(Collectors.toMap(Groups::bureau, g -> g));
        var groups = new HashMap<String, Groups>();
        bureaus.forEach(b -> groups.put(b, found.getOrDefault(b, new Groups(b, List.of()))));
        return groups;
    }

    void save(Groups groups) {
        mongo.save(groups, COLLECTION);
    }
}

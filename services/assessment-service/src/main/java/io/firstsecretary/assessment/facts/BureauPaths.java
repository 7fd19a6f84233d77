package io.firstsecretary.assessment.facts;

import io.firstsecretary.kit.security.BureauTree;
import io.firstsecretary.kit.web.NotFoundException;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The path of a bureau from the root of the tree, as the organisation events told it. */
@Component
public class BureauPaths implements BureauTree {

    private final Facts facts;

    BureauPaths(Facts facts) {
        this.facts = facts;
    }

    /** The bureau's path; a 404 problem for a bureau assessment has never heard of. */
    public List<String> of(String bureau) {
        return pathOf(bureau).orElseThrow(() -> new NotFoundException("No bureau " + bureau));
    }

    @Override
    public Optional<List<String>> pathOf(String bureau) {
        return facts.bureau(bureau)
                .map(Bureau::path)
                .or(() -> facts.assignmentsOfBureau(bureau).stream().findFirst().map(Assignment::bureauPath));
    }
}

package io.firstsecretary.console.duties;

import io.firstsecretary.console.ConsoleProperties;
import io.firstsecretary.console.api.Assessment;
import io.firstsecretary.console.api.Assessment.Catalogue;
import io.firstsecretary.console.api.Assessment.Obligation;
import io.firstsecretary.console.api.Directory;
import io.firstsecretary.console.web.Labels;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Turns obligations into the cards people see, with the catalogue's names and the branch's people. */
@Component
public class DutyCards {

    private final Assessment assessment;
    private final Directory directory;
    private final Clock clock;
    private final ConsoleProperties properties;

    DutyCards(Assessment assessment, Directory directory, Clock clock, ConsoleProperties properties) {
        this.assessment = assessment;
        this.directory = directory;
        this.clock = clock;
        this.properties = properties;
    }

    /** Cards for many obligations of one bureau, asking for the catalogue and each branch once. */
    List<DutyCard> cards(String bureau, List<Obligation> obligations) {
        var catalogue = assessment.catalogue(bureau);
        var names = new HashMap<String, Map<String, String>>();
        return obligations.stream()
                .map(o -> card(o, catalogue, names, bureau, null, 0))
                .toList();
    }

    public DutyCard card(String bureau, Obligation obligation) {
        return card(obligation, assessment.catalogue(bureau), new HashMap<>(), bureau, null, 0);
    }

    /** The card while a record just logged is on its way to the duty: it asks again until it is counted. */
    public DutyCard waitingFor(String bureau, Obligation obligation, String activity) {
        return card(obligation, assessment.catalogue(bureau), new HashMap<>(), bureau, activity, 0);
    }

    DutyCard polled(String bureau, Obligation obligation, String activity, int tries) {
        return card(obligation, assessment.catalogue(bureau), new HashMap<>(), bureau, activity, tries);
    }

    public String name(String bureau, Obligation obligation) {
        return assessment
                .catalogue(bureau)
                .duty(obligation.duty())
                .map(Assessment.Duty::name)
                .orElse(obligation.duty());
    }

    public String activityType(String bureau, Obligation obligation) {
        return assessment
                .catalogue(bureau)
                .duty(obligation.duty())
                .flatMap(Assessment.Duty::activityType)
                .orElse(null);
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(Labels.ZONE));
    }

    private DutyCard card(
            Obligation obligation,
            Catalogue catalogue,
            Map<String, Map<String, String>> names,
            String bureau,
            String after,
            int tries) {
        var duty = catalogue.duty(obligation.duty());
        String name = duty.map(Assessment.Duty::name).orElse(obligation.duty());
        String type = duty.flatMap(Assessment.Duty::activityType).orElse(null);
        List<String> missing = List.of();
        if (!obligation.missing().isEmpty() && obligation.branch() != null) {
            var branchNames = names.computeIfAbsent(
                    obligation.branch(), b -> directory.branch(bureau, b).names());
            missing = obligation.missing().stream()
                    .map(m -> branchNames.getOrDefault(m, m))
                    .toList();
        }
        boolean waiting = after != null
                && obligation.open()
                && !obligation.evidence().contains(after)
                && tries < Math.max(1, properties.settleTimeout().toSeconds());
        return new DutyCard(
                obligation,
                name,
                waiting ? "UPDATING" : DutyCard.stateOf(obligation, today()),
                type,
                missing,
                waiting ? after : null,
                tries + 1);
    }
}

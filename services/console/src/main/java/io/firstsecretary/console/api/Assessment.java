package io.firstsecretary.console.api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;

/** Obligations, the catalogue, rankings and scorecards, read from the assessment service. */
@Component
public class Assessment {

    private final Api api;

    Assessment(Api api) {
        this.api = api;
    }

    /** Every obligation of a bureau's year, optionally of one assignee, page by page. */
    public List<Obligation> obligations(String bureau, int year, String assignee) {
        var all = new ArrayList<Obligation>();
        for (int page = 0; ; page++) {
            int p = page;
            var slice = api.get(
                    u -> {
                        u.path("/api/v1/bureaus/{b}/obligations")
                                .queryParam("year", year)
                                .queryParam("page", p)
                                .queryParam("size", 500);
                        if (assignee != null) {
                            u.queryParam("assignee", assignee);
                        }
                        return u.build(bureau);
                    },
                    new ParameterizedTypeReference<Page<Obligation>>() {});
            all.addAll(slice.items());
            if ((long) (p + 1) * slice.size() >= slice.total() || slice.items().isEmpty()) {
                return all;
            }
        }
    }

    public Obligation obligation(String bureau, String id) {
        return api.get(u -> u.path("/api/v1/bureaus/{b}/obligations/{id}").build(bureau, id), Obligation.class);
    }

    public Catalogue catalogue(String bureau) {
        return api.get(u -> u.path("/api/v1/bureaus/{b}/catalogue").build(bureau), CatalogueVersion.class)
                .value();
    }

    public Ranking rankings(String bureau, String period, boolean includeDescendants) {
        return api.get(
                u -> u.path("/api/v1/bureaus/{b}/rankings")
                        .queryParam("period", period)
                        .queryParam("includeDescendants", includeDescendants)
                        .build(bureau),
                Ranking.class);
    }

    public record Waiver(String reason, String note, String by) {}

    /** One duty × one period × one assignee, as the API shows it. */
    public record Obligation(
            String id,
            String duty,
            String period,
            String owedBy,
            String assignee,
            String branch,
            LocalDate dueOn,
            String status,
            List<String> evidence,
            LocalDate completedOn,
            List<String> required,
            List<String> missing,
            Waiver waiver) {

        public Obligation {
            evidence = evidence == null ? List.of() : evidence;
            required = required == null ? List.of() : required;
            missing = missing == null ? List.of() : missing;
        }

        public boolean open() {
            return "OPEN".equals(status) || "OVERDUE".equals(status);
        }

        public boolean ownedByFirstSecretary() {
            return "FIRST_SECRETARY".equals(owedBy);
        }
    }

    public record CatalogueVersion(String bureau, Catalogue value) {}

    public record Catalogue(String version, boolean branchSection, List<Duty> duties) {

        public Catalogue {
            duties = duties == null ? List.of() : duties;
        }

        public java.util.Optional<Duty> duty(String code) {
            return duties.stream().filter(d -> d.code().equals(code)).findFirst();
        }
    }

    /** A duty of the catalogue: who owes it, how often, and which activity types fulfil it. */
    public record Duty(
            String code,
            String name,
            String scope,
            String owedBy,
            String cadence,
            String rule,
            List<String> fulfilledBy) {

        public Duty {
            fulfilledBy = fulfilledBy == null ? List.of() : fulfilledBy;
        }

        /** The type a first secretary logs to fulfil it, or none if it is not fulfilled by an activity. */
        public java.util.Optional<String> activityType() {
            if ("EACH_KEY_PERSON".equals(rule) || "EVERY_MEMBER".equals(rule)) {
                return java.util.Optional.of("TALK");
            }
            if (!"ACTIVITIES".equals(rule)) {
                return java.util.Optional.empty();
            }
            return fulfilledBy.stream().findFirst().or(() -> java.util.Optional.of(code));
        }
    }

    public record Standing(
            int rank,
            String assignee,
            String name,
            String bureau,
            String branch,
            String group,
            double score,
            boolean flag,
            List<String> vetoes) {

        public Standing {
            vetoes = vetoes == null ? List.of() : vetoes;
        }
    }

    public record Ranking(String period, List<Standing> items) {

        public Ranking {
            items = items == null ? List.of() : items;
        }
    }
}

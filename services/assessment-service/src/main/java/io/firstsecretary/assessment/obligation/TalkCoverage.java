package io.firstsecretary.assessment.obligation;

import java.util.List;

/**
 * A first secretary's talks (谈心谈话) in a year: the share of the branch's members talked with and
 * each half-year's key persons, with who is still missing.
 */
record TalkCoverage(String assignee, int year, List<Part> parts) {

    /** One talk duty of one period. */
    record Part(
            String duty,
            String period,
            String branch,
            ObligationStatus status,
            int required,
            int covered,
            double share,
            List<String> missing,
            List<String> evidence) {}

    static TalkCoverage of(String assignee, int year, List<Obligation> obligations) {
        return new TalkCoverage(
                assignee,
                year,
                obligations.stream()
                        .map(o -> {
                            int required =
                                    o.required() == null ? 0 : o.required().size();
                            int missing = o.missing() == null ? 0 : o.missing().size();
                            return new Part(
                                    o.duty(),
                                    o.period(),
                                    o.branch(),
                                    o.status(),
                                    required,
                                    required - missing,
                                    required == 0 ? 0 : (double) (required - missing) / required,
                                    o.missing() == null ? List.of() : o.missing(),
                                    o.evidence());
                        })
                        .toList());
    }
}

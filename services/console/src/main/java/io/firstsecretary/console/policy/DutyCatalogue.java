package io.firstsecretary.console.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A bureau's duty catalogue (职责目录) as the assessment service keeps it. Every field is kept, so a
 * version saved from this one loses nothing the console does not edit.
 *
 * @param minimumCoverage the share of a period a first secretary's term must cover for its duties to be owed
 * @param branchSection whether the branch's own duties (三会一课, 主题党日) are tracked
 */
record DutyCatalogue(
        String version, LocalDate effectiveFrom, double minimumCoverage, boolean branchSection, List<Duty> duties) {

    DutyCatalogue {
        duties = duties == null ? List.of() : List.copyOf(duties);
    }

    public Optional<Duty> duty(String code) {
        return duties.stream().filter(d -> d.code().equals(code)).findFirst();
    }

    public Map<String, Duty> byCode() {
        var byCode = new LinkedHashMap<String, Duty>();
        duties.forEach(d -> byCode.put(d.code(), d));
        return byCode;
    }

    /** Branch duties are owed only while the branch section is switched on. */
    public boolean inUse(Duty duty) {
        return branchSection || !"BRANCH".equals(duty.scope());
    }

    /**
     * One duty (职责): who owes it, how often, what fulfils it and when it falls due.
     *
     * @param dueBy a fixed day of the year it falls due ({@code --03-31}), else the period's end plus {@code graceDays}
     */
    record Duty(
            String code,
            String name,
            String scope,
            String owedBy,
            String cadence,
            String rule,
            List<String> fulfilledBy,
            int minimumCount,
            String creditedTo,
            String dueBy,
            int graceDays) {

        Duty {
            fulfilledBy = fulfilledBy == null ? List.of() : List.copyOf(fulfilledBy);
        }

        /** The API owes a review each quarter and the bureau-meeting report each month, whatever else changes. */
        public boolean fixedCadence() {
            return "REVIEW".equals(rule) || "REPORT".equals(rule);
        }

        /** Met by a number of activities, which the office may change. */
        public boolean countsActivities() {
            return "ACTIVITIES".equals(rule);
        }

        public MonthDay due() {
            return dueBy == null ? null : MonthDay.parse(dueBy);
        }
    }

    /** A catalogue version as the API answers it. */
    record Saved(String bureau, Instant savedAt, DutyCatalogue value) implements Version {

        @Override
        public String version() {
            return value.version();
        }

        @Override
        public LocalDate effectiveFrom() {
            return value.effectiveFrom();
        }
    }
}

package io.firstsecretary.assessment.rollup;

import io.firstsecretary.assessment.obligation.ObligationStatus;
import java.util.Collection;
import java.util.List;

/**
 * How many obligations stand where, and the compliance rate: the share of obligations already due
 * (met, met late or overdue) that were met. {@code complianceRate} is absent while nothing is due.
 */
public record Compliance(
        int owed, int met, int metLate, int overdue, int open, int waived, Double complianceRate, Double averageScore) {

    static Compliance of(Collection<ObligationStatus> statuses, List<Double> scores) {
        int met = count(statuses, ObligationStatus.MET);
        int late = count(statuses, ObligationStatus.MET_LATE);
        int overdue = count(statuses, ObligationStatus.OVERDUE);
        int due = met + late + overdue;
        return new Compliance(
                statuses.size(),
                met,
                late,
                overdue,
                count(statuses, ObligationStatus.OPEN),
                count(statuses, ObligationStatus.WAIVED),
                due == 0 ? null : round((double) (met + late) / due),
                scores.isEmpty()
                        ? null
                        : round(scores.stream()
                                .mapToDouble(Double::doubleValue)
                                .average()
                                .orElse(0)));
    }

    private static int count(Collection<ObligationStatus> statuses, ObligationStatus status) {
        return (int) statuses.stream().filter(s -> s == status).count();
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}

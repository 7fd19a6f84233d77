package io.firstsecretary.assessment.rollup;

import io.firstsecretary.assessment.obligation.ObligationStatus;
import io.firstsecretary.assessment.obligation.ObligationView;
import java.util.Collection;
import java.util.List;

/**
 * How many obligations stand where, and the compliance rate: the share of obligations already due
 * (met, met late or overdue) that were met. {@code complianceRate} is absent while nothing is due.
 */
public record Compliance(
        int owed, int met, int metLate, int overdue, int open, int waived, Double complianceRate, Double averageScore) {

    static Compliance of(Collection<ObligationView> obligations, List<Double> scores) {
        int met = count(obligations, ObligationStatus.MET);
        int late = count(obligations, ObligationStatus.MET_LATE);
        int overdue = count(obligations, ObligationStatus.OVERDUE);
        int due = met + late + overdue;
        return new Compliance(
                obligations.size(),
                met,
                late,
                overdue,
                count(obligations, ObligationStatus.OPEN),
                count(obligations, ObligationStatus.WAIVED),
                due == 0 ? null : round((double) (met + late) / due),
                scores.isEmpty()
                        ? null
                        : round(scores.stream()
                                .mapToDouble(Double::doubleValue)
                                .average()
                                .orElse(0)));
    }

    private static int count(Collection<ObligationView> obligations, ObligationStatus status) {
        return (int) obligations.stream().filter(o -> o.status() == status).count();
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}

package io.firstsecretary.assessment.obligation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.annotation.Id;

/**
 * One duty × one period × one owner, as stored: the latest assessment of its evidence, its status
 * and, if the party-building office waived it, the waiver. {@code revision} guards concurrent
 * recomputations: each write expects the revision it read. A {@code retired} obligation is no
 * longer owed at all; it stays, waived, as the record of what was announced, but is not shown.
 */
record Obligation(
        @Id String id,
        String bureau,
        List<String> bureauPath,
        String duty,
        String period,
        String owedBy,
        String scopeKey,
        String assignee,
        String branch,
        LocalDate windowStart,
        LocalDate windowEnd,
        LocalDate dueOn,
        ObligationStatus status,
        List<String> evidence,
        LocalDate completedOn,
        List<String> required,
        List<String> missing,
        Waiver waiver,
        long revision,
        Boolean retired) {

    /** No longer owed at all (the term covers too little of its period): kept for the record, not shown. */
    boolean isRetired() {
        return Boolean.TRUE.equals(retired);
    }

    /** A waiver (豁免) and why; {@code by} is absent when the platform waived it (term ended). */
    record Waiver(String reason, String note, String by, Instant at) {}

    Obligation withStatus(ObligationStatus to) {
        return written(to, retired);
    }

    /** As written when no longer owed: waived and retired. */
    Obligation retire() {
        return written(ObligationStatus.WAIVED, true);
    }

    private Obligation written(ObligationStatus to, Boolean retired) {
        return new Obligation(
                id,
                bureau,
                bureauPath,
                duty,
                period,
                owedBy,
                scopeKey,
                assignee,
                branch,
                windowStart,
                windowEnd,
                dueOn,
                to,
                evidence,
                completedOn,
                required,
                missing,
                waiver,
                revision + 1,
                retired);
    }

    boolean settled() {
        return status == ObligationStatus.MET || status == ObligationStatus.MET_LATE;
    }
}

package io.firstsecretary.assessment.obligation;

/** Where an obligation stands. {@code OVERDUE} is an {@code OPEN} obligation past its due date. */
public enum ObligationStatus {
    OPEN,
    MET,
    MET_LATE,
    OVERDUE,
    WAIVED
}

package io.firstsecretary.assessment.obligation;

/**
 * Where an obligation stands: {@code OPEN} until due, {@code OVERDUE} once its due day has passed
 * unmet, {@code MET} or {@code MET_LATE} (the evidence became known after the due day), or {@code
 * WAIVED}.
 */
public enum ObligationStatus {
    OPEN,
    MET,
    MET_LATE,
    OVERDUE,
    WAIVED;

    public boolean met() {
        return this == MET || this == MET_LATE;
    }
}

package io.firstsecretary.assessment.facts;

/**
 * What a new fact may have changed, so the obligations it can touch are recomputed.
 *
 * @param key the assignment id, branch code or member code, by {@code scope}
 */
public record Change(Scope scope, String bureau, String key, Reason reason) {

    /** Whose obligations to recompute. */
    public enum Scope {
        ASSIGNMENT,
        BRANCH,
        BUREAU
    }

    /** Why: decides the reason an obligation that is owed again gives. */
    public enum Reason {
        EVIDENCE_VOIDED,
        EVIDENCE_CORRECTED,
        REQUIREMENTS_CHANGED
    }
}

package io.firstsecretary.assessment.facts;

import java.time.LocalDate;
import java.util.Set;

/**
 * What a new fact may have changed, so the obligations it can touch are recomputed.
 *
 * @param key the assignment id or branch code, by {@code scope}
 * @param touches which obligations the fact can affect; {@link Touches#ALL} when any of the scope's
 */
public record Change(Scope scope, String bureau, String key, Reason reason, Touches touches) {

    public Change(Scope scope, String bureau, String key, Reason reason) {
        this(scope, bureau, key, reason, Touches.ALL);
    }

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

    /**
     * The obligations an activity can affect: those of duties its type counts for, in periods
     * containing its day ({@code days} absent: any period).
     */
    public record Touches(Set<String> types, Set<LocalDate> days) {

        public static final Touches ALL = new Touches(null, null);

        public static Touches activities(Set<String> types, Set<LocalDate> days) {
            return new Touches(Set.copyOf(types), Set.copyOf(days));
        }

        /** Talk duties, whose required people change with the branch's members and roles. */
        public static Touches talks() {
            return new Touches(Set.of("TALK"), null);
        }

        public boolean all() {
            return types == null;
        }
    }
}

package io.firstsecretary.assessment.facts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
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

    /**
     * The changes of a stretch of events as one per scope, bureau and key, in the order each first
     * appears: recomputing after all of its facts are stored gives what recomputing after each would
     * end with, once per branch instead of once per event. The merged touches cover all of theirs;
     * the reason is the strongest of theirs (a void over a correction over a change of requirements).
     */
    public static List<Change> merged(Collection<Change> changes) {
        var merged = new LinkedHashMap<List<Object>, Change>();
        for (Change c : changes) {
            merged.merge(List.of(c.scope(), c.bureau(), c.key()), c, Change::and);
        }
        return new ArrayList<>(merged.values());
    }

    private Change and(Change other) {
        var strongest = reason.compareTo(other.reason) <= 0 ? reason : other.reason;
        return new Change(scope, bureau, key, strongest, touches.and(other.touches));
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

        /** What either touches. */
        Touches and(Touches other) {
            if (all() || other.all()) {
                return ALL;
            }
            var bothTypes = new HashSet<>(types);
            bothTypes.addAll(other.types);
            if (days == null || other.days == null) {
                return new Touches(Set.copyOf(bothTypes), null);
            }
            var bothDays = new HashSet<>(days);
            bothDays.addAll(other.days);
            return new Touches(Set.copyOf(bothTypes), Set.copyOf(bothDays));
        }
    }
}

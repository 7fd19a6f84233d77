package io.firstsecretary.assessment.facts;

/**
 * Which set of the projections rebuilt from the topics is meant: generation 0 lives in the plain
 * collections ({@code obligations}), generation n in {@code obligations_gn}. A rebuild fills the
 * next generation beside the live one and then switches to it.
 */
@FunctionalInterface
public interface Generation {

    int number();

    /** The collection of {@code base} in this generation. */
    default String of(String base) {
        int n = number();
        return n == 0 ? base : base + "_g" + n;
    }

    static Generation fixed(int number) {
        return () -> number;
    }
}

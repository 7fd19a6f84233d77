package io.firstsecretary.assessment.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The duties a bureau's first secretaries, party-building office and (optionally) branches owe:
 * data, versioned, applying from {@code effectiveFrom}. The default comes from the Nantong report
 * (“六个一”, “四真”调研, 谈心谈话, 年初承诺, 年底述职, 按季度点评, 每月局务会专题汇报, and the
 * branch's 三会一课 / 主题党日 as an optional section).
 *
 * @param minimumCoverage the share of a period an assignment's term must cover for the period's
 *     duties to be owed: with 0.5 (the default), a term covering less than half a quarter owes
 *     nothing for it
 * @param branchSection whether the branch duties (三会一课, 主题党日) are tracked
 */
public record DutyCatalogue(
        String version, LocalDate effectiveFrom, Double minimumCoverage, boolean branchSection, List<Duty> duties) {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    /** Without a stated minimum, a term must cover half a period to owe it. */
    public static final double HALF = 0.5;

    public DutyCatalogue {
        minimumCoverage = minimumCoverage == null ? HALF : minimumCoverage;
        duties = duties == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(duties));
    }

    public static DutyCatalogue defaultCatalogue() {
        try (InputStream in = DutyCatalogue.class.getResourceAsStream("/catalogue/default-catalogue.json")) {
            return JSON.readValue(in, DutyCatalogue.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The duties in force: the branch section only when it is switched on. */
    public List<Duty> active() {
        return duties.stream()
                .filter(d -> branchSection || d.scope() != Duty.Scope.BRANCH)
                .toList();
    }

    public List<Duty> active(Duty.Scope scope) {
        return active().stream().filter(d -> d.scope() == scope).toList();
    }
}

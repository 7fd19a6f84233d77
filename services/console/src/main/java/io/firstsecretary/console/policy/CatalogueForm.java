package io.firstsecretary.console.policy;

import static io.firstsecretary.console.policy.Versioning.blank;

import io.firstsecretary.console.api.ApiProblem;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.validation.Errors;

/**
 * A new version of the 职责目录 as the office fills it in from the version in force: the day it applies
 * from, the branch section, the coverage a term needs, and for each duty what may change. Duty codes,
 * rules and what fulfils a duty stay as they are. Numbers stay text, so a mistyped one is shown as typed.
 *
 * @param minimumCoverage the share of a period a term must cover, in per cent
 */
record CatalogueForm(String effectiveFrom, boolean branchSection, String minimumCoverage, List<Row> duties) {

    static final List<String> CADENCES = List.of("MONTH", "QUARTER", "HALF_YEAR", "YEAR");
    static final int NAME_MAX = 100;
    static final int COUNT_MAX = 99;
    static final int GRACE_MAX = 366;

    private static final Pattern DUTY_FIELD =
            Pattern.compile("duties\\[(\\d+)]\\.(name|cadence|minimumCount|dueBy|graceDays)");
    /** 12-31 as the field suggests, or 12月31日 as people write it. */
    private static final Pattern MONTH_DAY = Pattern.compile("(\\d{1,2})\\s*[-/月]\\s*(\\d{1,2})\\s*日?");

    CatalogueForm {
        duties = duties == null ? List.of() : List.copyOf(duties);
    }

    /**
     * One duty of the catalogue: its code, which identifies it, and the fields the office may change. The
     * page shows only those that apply to the duty's rule; the others are ignored.
     *
     * @param dueBy a fixed day of the year (12-31), or blank for the period's end plus the grace days
     */
    record Row(String code, String name, String cadence, String minimumCount, String dueBy, String graceDays) {

        static Row of(DutyCatalogue.Duty duty) {
            var due = duty.due();
            return new Row(
                    duty.code(),
                    duty.name(),
                    duty.cadence(),
                    Integer.toString(duty.minimumCount()),
                    due == null ? "" : "%02d-%02d".formatted(due.getMonthValue(), due.getDayOfMonth()),
                    Integer.toString(duty.graceDays()));
        }

        void validate(DutyCatalogue.Duty duty, Errors errors) {
            if (blank(name) || name.strip().length() > NAME_MAX) {
                errors.rejectValue("name", "catalogue.error.name");
            }
            if (!duty.fixedCadence()) {
                if (cadence == null || !CADENCES.contains(cadence)) {
                    errors.rejectValue("cadence", "catalogue.error.cadence");
                }
                if (!blank(dueBy) && monthDay(dueBy) == null) {
                    errors.rejectValue("dueBy", "catalogue.error.dueBy");
                } else if (!blank(dueBy) && !"YEAR".equals(cadence)) {
                    errors.rejectValue("dueBy", "catalogue.error.dueBy.yearly");
                }
            }
            if (duty.countsActivities() && !between(minimumCount, 1, COUNT_MAX)) {
                errors.rejectValue("minimumCount", "catalogue.error.minimumCount");
            }
            if (!between(graceDays, 0, GRACE_MAX)) {
                errors.rejectValue("graceDays", "catalogue.error.graceDays");
            }
        }

        DutyCatalogue.Duty applyTo(DutyCatalogue.Duty duty) {
            boolean fixed = duty.fixedCadence();
            String due =
                    fixed ? duty.dueBy() : blank(dueBy) ? null : monthDay(dueBy).toString();
            return new DutyCatalogue.Duty(
                    duty.code(),
                    name.strip(),
                    duty.scope(),
                    duty.owedBy(),
                    fixed ? duty.cadence() : cadence,
                    duty.rule(),
                    duty.fulfilledBy(),
                    duty.countsActivities() ? Integer.parseInt(minimumCount.strip()) : duty.minimumCount(),
                    duty.creditedTo(),
                    due,
                    Integer.parseInt(graceDays.strip()));
        }
    }

    static CatalogueForm of(DutyCatalogue inForce, LocalDate effectiveFrom) {
        return new CatalogueForm(
                effectiveFrom.toString(),
                inForce.branchSection(),
                BigDecimal.valueOf(inForce.minimumCoverage())
                        .movePointRight(2)
                        .stripTrailingZeros()
                        .toPlainString(),
                inForce.duties().stream().map(Row::of).toList());
    }

    /** What a person can get wrong, found before the API is asked; a row whose duty is gone is left out. */
    void validate(DutyCatalogue inForce, Errors errors) {
        Versioning.checkEffectiveFrom(effectiveFrom, inForce.effectiveFrom(), errors, "catalogue");
        var coverage = decimal(minimumCoverage);
        if (coverage == null || coverage.signum() < 0 || coverage.compareTo(BigDecimal.valueOf(100)) > 0) {
            errors.rejectValue("minimumCoverage", "catalogue.error.minimumCoverage");
        }
        for (int i = 0; i < duties.size(); i++) {
            var row = duties.get(i);
            var duty = inForce.duty(row.code());
            if (duty.isPresent()) {
                errors.pushNestedPath("duties[" + i + "]");
                row.validate(duty.get(), errors);
                errors.popNestedPath();
            }
        }
    }

    /** The new version: the one in force with this form's changes, duty by duty. */
    DutyCatalogue catalogue(String version, DutyCatalogue inForce) {
        var changed = inForce.duties().stream()
                .map(d -> row(d.code()).map(r -> r.applyTo(d)).orElse(d))
                .toList();
        return new DutyCatalogue(
                version,
                Versioning.day(effectiveFrom),
                decimal(minimumCoverage).movePointLeft(2).doubleValue(),
                branchSection,
                changed);
    }

    /**
     * Puts the API's refusal on the form: an error about a field the form has goes on that field, in the
     * console's words for it; any other is shown above the form as the API gave it.
     *
     * @param sent the catalogue sent, whose duty indexes the API's field names use
     */
    void reject(ApiProblem problem, DutyCatalogue sent, Errors errors) {
        for (var error : problem.errors()) {
            String field = fieldOf(error.field(), sent);
            if (field == null) {
                errors.reject("catalogue.error.api", new Object[] {error.message()}, error.message());
            } else {
                errors.rejectValue(field, "catalogue.error." + field.substring(field.lastIndexOf('.') + 1));
            }
        }
        if (problem.errors().isEmpty()) {
            errors.reject("catalogue.error.api", new Object[] {problem.getMessage()}, problem.getMessage());
        }
    }

    /** The form field an API error names: {@code duties[3].graceDays} is the row of the fourth duty sent. */
    private String fieldOf(String apiField, DutyCatalogue sent) {
        if ("effectiveFrom".equals(apiField) || "minimumCoverage".equals(apiField)) {
            return apiField;
        }
        var named = DUTY_FIELD.matcher(apiField == null ? "" : apiField);
        if (!named.matches()
                || Integer.parseInt(named.group(1)) >= sent.duties().size()) {
            return null;
        }
        String code = sent.duties().get(Integer.parseInt(named.group(1))).code();
        for (int i = 0; i < duties.size(); i++) {
            if (code.equals(duties.get(i).code())) {
                return "duties[" + i + "]." + named.group(2);
            }
        }
        return null;
    }

    private Optional<Row> row(String code) {
        return duties.stream().filter(r -> code.equals(r.code())).findFirst();
    }

    private static MonthDay monthDay(String text) {
        var parts = MONTH_DAY.matcher(text.strip());
        if (!parts.matches()) {
            return null;
        }
        try {
            return MonthDay.of(Integer.parseInt(parts.group(1)), Integer.parseInt(parts.group(2)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static boolean between(String text, int min, int max) {
        try {
            int value = Integer.parseInt(text == null ? "" : text.strip());
            return value >= min && value <= max;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static BigDecimal decimal(String text) {
        try {
            return blank(text) ? null : new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

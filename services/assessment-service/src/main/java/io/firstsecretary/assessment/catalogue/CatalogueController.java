package io.firstsecretary.assessment.catalogue;

import io.firstsecretary.assessment.facts.BureauPaths;
import io.firstsecretary.assessment.period.Cadence;
import io.firstsecretary.assessment.period.Period;
import io.firstsecretary.assessment.versioning.BureauVersions.Version;
import io.firstsecretary.kit.security.Requires;
import io.firstsecretary.kit.security.Scope;
import io.firstsecretary.kit.web.FieldError;
import io.firstsecretary.kit.web.NotFoundException;
import io.firstsecretary.kit.web.UnprocessableException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reading and changing a bureau's duty catalogue. Saving a version recomputes the obligations of
 * the bureau and the bureaus below it, history included.
 */
@RestController
@RequestMapping("/api/v1/bureaus/{bureau}/catalogue")
@Tag(
        name = "Catalogue",
        description = "The versioned duty catalogue: the duties owed, by whom, on which cadence and how each is met.")
class CatalogueController {

    /** The activity types the activity service records. */
    static final List<String> ACTIVITY_TYPES = List.of(
            "GUIDANCE_OPINION",
            "REPORT_HEARING",
            "PARTY_LECTURE",
            "ORG_LIFE_MEETING",
            "SUPERVISION_INSPECTION",
            "EXPERIENCE_SUMMARY",
            "FOUR_TRUE_RESEARCH",
            "ANNUAL_COMMITMENT",
            "YEAR_END_REPORT",
            "TALK",
            "BRANCH_GENERAL_MEETING",
            "BRANCH_COMMITTEE_MEETING",
            "PARTY_GROUP_MEETING",
            "THEMED_PARTY_DAY",
            "SERVICE_VISIT");

    private final Catalogues catalogues;
    private final BureauPaths paths;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CatalogueController(Catalogues catalogues, BureauPaths paths, ApplicationEventPublisher events, Clock clock) {
        this.catalogues = catalogues;
        this.paths = paths;
        this.events = events;
        this.clock = clock;
    }

    /** The catalogue in force on {@code on} (default today): the bureau's own, an ancestor's or the default. */
    @Requires(Scope.ASSESSMENT_READ)
    @Operation(
            summary = "Get the duty catalogue in force",
            description = "The version in force on the day given as on (default today): the bureau's own, an"
                    + " ancestor's or the default.")
    @GetMapping
    Version<DutyCatalogue> inForce(
            @PathVariable String bureau,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
        LocalDate day = on == null ? LocalDate.now(clock.withZone(Period.ZONE)) : on;
        return catalogues
                .inForce(paths.of(bureau), day)
                .orElseThrow(() -> new NotFoundException("No duty catalogue is in force on " + day));
    }

    @Requires(Scope.ASSESSMENT_READ)
    @Operation(summary = "List the bureau's own catalogue versions")
    @GetMapping("/versions")
    Versions versions(@PathVariable String bureau) {
        return new Versions(catalogues.versions(bureau));
    }

    @Requires(Scope.ASSESSMENT_WRITE)
    @Operation(
            summary = "Save a catalogue version",
            description = "Recomputes the obligations of the bureau and the bureaus below it, history included.")
    @PutMapping("/versions/{version}")
    Version<DutyCatalogue> save(
            @PathVariable String bureau, @PathVariable String version, @RequestBody DutyCatalogue body) {
        var catalogue = new DutyCatalogue(
                version, body.effectiveFrom(), body.minimumCoverage(), body.branchSection(), body.duties());
        var errors = validate(version, catalogue);
        if (!errors.isEmpty()) {
            throw new UnprocessableException(errors);
        }
        paths.of(bureau);
        var saved = catalogues.save(bureau, catalogue, clock.instant());
        events.publishEvent(new CatalogueChanged(bureau));
        return saved;
    }

    record Versions(List<Version<DutyCatalogue>> items) {}

    /** The combinations of scope, rule, cadence and credit under which an obligation can be met. */
    private static List<FieldError> consistency(String at, Duty d) {
        var errors = new ArrayList<FieldError>();
        if (d.rule() == null || d.scope() == null || d.cadence() == null) {
            return errors;
        }
        switch (d.rule()) {
            case REPORT -> {
                if (d.scope() != Duty.Scope.BUREAU || d.cadence() != Cadence.MONTH) {
                    errors.add(FieldError.of(
                            at + ".rule", "a REPORT is owed monthly by the bureau (scope BUREAU, cadence MONTH)"));
                }
            }
            case REVIEW -> {
                if (d.scope() != Duty.Scope.ASSIGNMENT || d.cadence() != Cadence.QUARTER) {
                    errors.add(
                            FieldError.of(at + ".rule", "a REVIEW is owed quarterly per first-secretary assignment"));
                }
            }
            case EACH_KEY_PERSON, EVERY_MEMBER -> {
                if (d.scope() != Duty.Scope.ASSIGNMENT) {
                    errors.add(FieldError.of(at + ".rule", d.rule() + " is owed per first-secretary assignment"));
                }
            }
            case ACTIVITIES -> {
                if (d.scope() == Duty.Scope.BUREAU) {
                    errors.add(FieldError.of(at + ".scope", "a bureau duty is met by a filed REPORT"));
                }
                if (d.scope() == Duty.Scope.BRANCH && d.creditedTo() != Duty.Credit.BRANCH) {
                    errors.add(FieldError.of(at + ".creditedTo", "a branch duty is credited to the BRANCH"));
                }
            }
        }
        return errors;
    }

    static List<FieldError> validate(String version, DutyCatalogue catalogue) {
        var errors = new ArrayList<FieldError>();
        if (version == null || !version.matches("^[A-Za-z0-9_.-]{1,64}$")) {
            errors.add(FieldError.of("version", "version must be 1-64 letters, digits, '.', '_' or '-'"));
        }
        if (catalogue.effectiveFrom() == null) {
            errors.add(FieldError.of("effectiveFrom", "effectiveFrom is required"));
        }
        if (catalogue.minimumCoverage() < 0 || catalogue.minimumCoverage() > 1) {
            errors.add(FieldError.of("minimumCoverage", "minimumCoverage must be between 0 and 1"));
        }
        if (catalogue.duties().isEmpty()) {
            errors.add(FieldError.of("duties", "a catalogue needs at least one duty"));
        }
        var codes = new HashSet<String>();
        for (int i = 0; i < catalogue.duties().size(); i++) {
            Duty d = catalogue.duties().get(i);
            String at = "duties[" + i + "]";
            if (d == null) {
                errors.add(FieldError.of(at, "a duty is required"));
                continue;
            }
            if (d.code() == null || !d.code().matches("^[A-Za-z0-9_-]{1,64}$")) {
                errors.add(FieldError.of(at + ".code", "code must be 1-64 letters, digits, '_' or '-'"));
            } else if (!codes.add(d.code())) {
                errors.add(FieldError.of(at + ".code", "duty " + d.code() + " appears twice"));
            }
            if (d.name() == null || d.name().isBlank()) {
                errors.add(FieldError.of(at + ".name", "name is required"));
            }
            for (var missing : List.of(
                    new Object[] {"scope", d.scope()},
                    new Object[] {"owedBy", d.owedBy()},
                    new Object[] {"cadence", d.cadence()},
                    new Object[] {"rule", d.rule()})) {
                if (missing[1] == null) {
                    errors.add(FieldError.of(at + "." + missing[0], missing[0] + " is required"));
                }
            }
            if (d.rule() == Duty.Rule.ACTIVITIES && d.fulfilledBy().isEmpty()) {
                errors.add(FieldError.of(
                        at + ".fulfilledBy", "an ACTIVITIES duty names the activity types that fulfil it"));
            }
            for (int j = 0; j < d.fulfilledBy().size(); j++) {
                if (!ACTIVITY_TYPES.contains(d.fulfilledBy().get(j))) {
                    errors.add(FieldError.of(
                            at + ".fulfilledBy[" + j + "]", "must be one of " + String.join(", ", ACTIVITY_TYPES)));
                }
            }
            if (d.graceDays() < 0 || d.graceDays() > 366) {
                errors.add(FieldError.of(at + ".graceDays", "graceDays must be between 0 and 366"));
            }
            errors.addAll(consistency(at, d));
        }
        return errors;
    }
}

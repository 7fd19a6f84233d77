package io.firstsecretary.assessment.catalogue;

import io.firstsecretary.assessment.period.Cadence;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * The duties owed by a first secretary: data, versioned, with the date from which it applies. The
 * default catalogue comes from the Nantong report (“六个一”, “四真”调研, 年初承诺, 年底述职).
 */
public record DutyCatalogue(String version, LocalDate effectiveFrom, List<Duty> duties) {

    public static DutyCatalogue defaultCatalogue() {
        try (InputStream in = DutyCatalogue.class.getResourceAsStream("/catalogue/default-catalogue.json")) {
            var file = JsonMapper.builder().build().readValue(in, CatalogueFile.class);
            return new DutyCatalogue(
                    file.version(),
                    file.effectiveFrom(),
                    file.duties().stream()
                            .map(d -> new Duty(
                                    d.code(),
                                    d.name(),
                                    d.cadence(),
                                    d.fulfilledBy(),
                                    d.dueBy() == null ? null : MonthDay.parse("--" + d.dueBy()),
                                    d.creditedTo() == null ? Duty.Credit.ACTOR : d.creditedTo()))
                            .toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The duties that an activity of {@code type} can fulfil. */
    public List<Duty> fulfilledBy(String type) {
        return duties.stream().filter(d -> d.fulfilledBy().equals(type)).toList();
    }

    private record CatalogueFile(String version, LocalDate effectiveFrom, List<DutyEntry> duties) {}

    private record DutyEntry(
            String code, String name, Cadence cadence, String fulfilledBy, String dueBy, Duty.Credit creditedTo) {}
}

package io.firstsecretary.assessment.facts;

import java.time.Instant;
import org.springframework.data.annotation.Id;

/**
 * The party-building office waived an obligation (豁免): kept as a fact of its own, so that
 * recomputed and rebuilt obligations keep it.
 */
public record Waiver(@Id String obligation, String bureau, String scopeKey, String note, String by, Instant at) {}

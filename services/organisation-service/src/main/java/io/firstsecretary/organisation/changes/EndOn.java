package io.firstsecretary.organisation.changes;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** The day a change takes effect (today when absent) and why. */
record EndOn(LocalDate on, @Size(max = 500) String reason) {}

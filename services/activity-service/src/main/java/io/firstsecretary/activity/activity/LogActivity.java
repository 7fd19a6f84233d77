package io.firstsecretary.activity.activity;

import io.firstsecretary.contracts.activity.ActivityLogged.CommitmentItem;
import io.firstsecretary.contracts.activity.ActivityLogged.Enterprise;
import io.firstsecretary.contracts.activity.ActivityLogged.ItemOutcome;
import io.firstsecretary.kit.web.Codes;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code POST /api/v1/bureaus/{bureau}/activities}. The fields after {@code notes} belong to
 * particular types; {@link ActivityRules} says which are required for which type.
 */
record LogActivity(
        @NotNull ActivityType type,

        @NotBlank @Pattern(regexp = Codes.PATTERN, message = Codes.MESSAGE)
        String branch,

        @NotBlank @Pattern(regexp = Codes.PATTERN, message = Codes.MESSAGE)
        String actor,

        @NotNull LocalDate occurredOn,
        @NotBlank @Size(max = 300) String title,
        @Size(max = 500) List<@NotBlank String> participants,
        @Size(max = 10_000) String notes,

        @Pattern(regexp = Codes.PATTERN, message = Codes.MESSAGE)
        String recordedBy,

        @Pattern(regexp = Codes.PATTERN, message = Codes.MESSAGE)
        String lecturer,

        @Size(max = 500) List<@NotBlank String> audience,
        @Size(max = 500) List<@NotBlank String> attendees,
        @Size(max = 500) List<@NotBlank String> absentees,
        @Size(max = 100) List<@NotBlank @Size(max = 2_000) String> findings,
        LocalDate rectificationDeadline,
        PromotionLevel promotionLevel,
        @Size(max = 50) List<@NotNull CommitmentItem> commitmentItems,
        @Size(max = 50) List<@NotNull ItemOutcome> itemOutcomes,
        @Size(max = 100) List<@NotNull Enterprise> enterprises,
        @Size(max = 50) List<@NotBlank String> attachments) {

    /** The same request recorded by {@code member}: the caller, or whom an office names. */
    LogActivity recordedBy(String member) {
        return new LogActivity(
                type,
                branch,
                actor,
                occurredOn,
                title,
                participants,
                notes,
                member,
                lecturer,
                audience,
                attendees,
                absentees,
                findings,
                rectificationDeadline,
                promotionLevel,
                commitmentItems,
                itemOutcomes,
                enterprises,
                attachments);
    }
}

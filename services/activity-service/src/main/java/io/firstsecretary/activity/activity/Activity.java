package io.firstsecretary.activity.activity;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.firstsecretary.contracts.activity.ActivityLogged.Attachment;
import io.firstsecretary.contracts.activity.ActivityLogged.CommitmentItem;
import io.firstsecretary.contracts.activity.ActivityLogged.Enterprise;
import io.firstsecretary.contracts.activity.ActivityLogged.ItemOutcome;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.annotation.Id;

/**
 * A recorded piece of work. A record is never edited in place: a correction makes a new revision
 * and keeps the earlier one in {@code history}, a void keeps the record readable with its reason.
 * The idempotency key and a fingerprint of the request that created it make a retried request
 * return this same record.
 */
public record Activity(
        @Id String id,
        String bureau,
        @JsonIgnore List<String> bureauPath,
        ActivityType type,
        String branch,
        String actor,
        LocalDate occurredOn,
        String title,
        List<String> participants,
        String notes,
        Instant loggedAt,
        String recordedBy,
        boolean backfilled,
        String lecturer,
        List<String> audience,
        List<String> attendees,
        List<String> absentees,
        List<String> findings,
        LocalDate rectificationDeadline,
        PromotionLevel promotionLevel,
        List<CommitmentItem> commitmentItems,
        List<ItemOutcome> itemOutcomes,
        List<Enterprise> enterprises,
        List<Attachment> attachments,
        ActivityStatus status,
        int revision,
        String voidReason,
        @JsonIgnore List<ActivityRevision> history,
        @JsonIgnore String idempotencyKey,
        @JsonIgnore String fingerprint) {}

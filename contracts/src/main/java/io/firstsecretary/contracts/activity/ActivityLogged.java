package io.firstsecretary.contracts.activity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A piece of work was recorded: a lecture, a talk, an inspection… Keyed by branch on the topic.
 * The fields after {@code loggedAt} belong to particular types and are absent elsewhere.
 *
 * @param recordedBy who recorded it, when not the actor (e.g. the branch secretary)
 * @param backfilled recorded after the year it happened in had closed
 * @param lecturer PARTY_LECTURE: who gave the lecture
 * @param audience PARTY_LECTURE: members who attended
 * @param attendees branch meetings: members present (the first secretary among them counts as
 *     双重组织生活 attendance)
 * @param absentees branch meetings: members absent
 * @param findings SUPERVISION_INSPECTION: problems found
 * @param rectificationDeadline SUPERVISION_INSPECTION: by when the findings must be rectified
 * @param promotionLevel EXPERIENCE_SUMMARY: how far the experience was promoted
 * @param commitmentItems ANNUAL_COMMITMENT: the items committed to
 * @param itemOutcomes YEAR_END_REPORT: the outcome of each commitment item
 * @param enterprises SERVICE_VISIT: enterprises visited
 * @param attachments minutes, photos and scans kept with the record
 */
public record ActivityLogged(
        String id,
        String bureau,
        List<String> bureauPath,
        String type,
        String branch,
        String actor,
        LocalDate occurredOn,
        String title,
        List<String> participants,
        String notes,
        Instant loggedAt,
        String recordedBy,
        Boolean backfilled,
        String lecturer,
        List<String> audience,
        List<String> attendees,
        List<String> absentees,
        List<String> findings,
        LocalDate rectificationDeadline,
        String promotionLevel,
        List<CommitmentItem> commitmentItems,
        List<ItemOutcome> itemOutcomes,
        List<Enterprise> enterprises,
        List<Attachment> attachments) {

    /** An activity with no type-specific fields. */
    public ActivityLogged(
            String id,
            String bureau,
            List<String> bureauPath,
            String type,
            String branch,
            String actor,
            LocalDate occurredOn,
            String title,
            List<String> participants,
            String notes,
            Instant loggedAt) {
        this(
                id,
                bureau,
                bureauPath,
                type,
                branch,
                actor,
                occurredOn,
                title,
                participants,
                notes,
                loggedAt,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    /** One item of an annual commitment (年初承诺). */
    public record CommitmentItem(String code, String text) {}

    /** How one commitment item turned out by the year-end report (年底述职). */
    public record ItemOutcome(String item, String outcome, String note) {}

    /** A file kept with the record, downloadable from the activity service by its id. */
    public record Attachment(String id, String name, String contentType, long size) {}

    /** An enterprise visited (走访企业). */
    public record Enterprise(String name, String taxpayerId) {}
}

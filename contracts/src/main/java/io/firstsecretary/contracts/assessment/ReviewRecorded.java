package io.firstsecretary.contracts.assessment;

import java.time.Instant;
import java.util.List;

/** The bureau party committee's quarterly review (按季度点评) of a first secretary. */
public record ReviewRecorded(
        String id,
        String bureau,
        List<String> bureauPath,
        String assignee,
        String branch,
        String quarter,
        String grade,
        String comment,
        String reviewedBy,
        Instant recordedAt) {}

package io.firstsecretary.contracts.activity;

import java.time.Instant;
import java.util.List;

/** A recorded activity was declared void (作废) with a reason: it is no longer evidence of anything. */
public record ActivityVoided(
        String id,
        String bureau,
        List<String> bureauPath,
        String branch,
        String reason,
        String voidedBy,
        Instant voidedAt) {}

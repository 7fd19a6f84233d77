package io.firstsecretary.contracts.activity;

import java.time.Instant;
import java.util.List;

/**
 * A recorded activity was corrected (更正) with a reason. {@code activity} is the full record after
 * the correction, so consumers re-evaluate it as if it had been logged that way; {@code revision}
 * counts the corrections and {@code changed} names the fields that changed.
 */
public record ActivityCorrected(
        String id,
        String bureau,
        List<String> bureauPath,
        int revision,
        String reason,
        List<String> changed,
        Instant correctedAt,
        ActivityLogged activity) {}

package io.firstsecretary.contracts.assessment;

import java.time.Instant;
import java.util.List;

/**
 * Members' year-end evaluation (评议) of a first secretary's year-end report (年底述职), with
 * {@code satisfactionRate} = (satisfied + basicallySatisfied) / total.
 */
public record EvaluationRecorded(
        String id,
        String bureau,
        List<String> bureauPath,
        String assignee,
        String branch,
        int year,
        int satisfied,
        int basicallySatisfied,
        int dissatisfied,
        double satisfactionRate,
        Instant recordedAt) {}

package io.firstsecretary.contracts.organisation;

import java.time.LocalDate;
import java.util.List;

/**
 * A branch was merged into another on {@code on}: its members now belong to {@code into} (each
 * also announced as a transfer) and the branch no longer exists.
 */
public record BranchMerged(String bureau, List<String> bureauPath, String code, String into, LocalDate on) {}

package io.firstsecretary.contracts.organisation;

import java.time.LocalDate;
import java.util.List;

/** A branch was dissolved on {@code on}; its first secretary's term ended that day. */
public record BranchDissolved(String bureau, List<String> bureauPath, String code, LocalDate on) {}

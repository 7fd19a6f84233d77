package io.firstsecretary.contracts.organisation;

import java.util.List;

/** A branch's name or the divisions it covers changed. Carries the branch's full state. */
public record BranchRenamed(String bureau, List<String> bureauPath, String code, String name, List<String> divisions) {}

package io.firstsecretary.contracts.organisation;

import java.util.List;

/** A party branch (党支部) was established in a bureau, covering some of its divisions (科/股/室). */
public record BranchEstablished(
        String bureau, List<String> bureauPath, String code, String name, List<String> divisions) {}

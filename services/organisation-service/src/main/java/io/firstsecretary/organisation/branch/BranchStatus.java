package io.firstsecretary.organisation.branch;

/** Whether a branch still exists. */
public enum BranchStatus {
    ACTIVE,
    MERGED,
    DISSOLVED
}

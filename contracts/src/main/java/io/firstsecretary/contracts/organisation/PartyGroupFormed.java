package io.firstsecretary.contracts.organisation;

import java.util.List;

/** A party group (党小组) was formed within a branch. */
public record PartyGroupFormed(String bureau, List<String> bureauPath, String branch, String code, String name) {}

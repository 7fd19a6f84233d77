package io.firstsecretary.organisation.views;

import io.firstsecretary.organisation.assignment.FirstSecretaryAssignment;
import io.firstsecretary.organisation.branch.BranchStatus;
import java.time.LocalDate;
import java.util.List;

/** A branch with its key persons (支部书记, 支委, 党小组组长), party groups and members. */
record BranchView(
        String bureau,
        String code,
        String name,
        List<String> divisions,
        BranchStatus status,
        String mergedInto,
        LocalDate endedOn,
        FirstSecretaryAssignment firstSecretary,
        Person secretary,
        List<Person> committee,
        List<Group> partyGroups,
        List<Person> members) {

    /** A member as a branch shows them. */
    record Person(String id, String name, List<String> roles, String partyGroup) {}

    /** A party group with its leader, if one is appointed. */
    record Group(String code, String name, Person leader, int size) {}
}

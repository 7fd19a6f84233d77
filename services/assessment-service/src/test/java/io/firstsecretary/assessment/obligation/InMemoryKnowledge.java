package io.firstsecretary.assessment.obligation;

import io.firstsecretary.assessment.facts.FiledReport;
import io.firstsecretary.assessment.facts.Knowledge;
import io.firstsecretary.assessment.facts.RecordedActivity;
import io.firstsecretary.assessment.facts.Review;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Facts in memory, for deciding obligations without a store. One branch's members are listed with their roles. */
final class InMemoryKnowledge implements Knowledge {

    final List<RecordedActivity> activities = new ArrayList<>();
    final Map<String, List<String>> roles = new TreeMap<>();
    final List<Review> reviews = new ArrayList<>();

    InMemoryKnowledge member(String member, String... memberRoles) {
        roles.put(member, List.of(memberRoles));
        return this;
    }

    InMemoryKnowledge activity(
            String id, String type, String actor, LocalDate on, LocalDate loggedOn, String... participants) {
        activities.add(new RecordedActivity(
                id,
                "b",
                type,
                "zgnf",
                actor,
                on,
                loggedOn.atTime(10, 0).toInstant(java.time.ZoneOffset.ofHours(8)),
                "记录",
                List.of(participants),
                null,
                List.of(),
                null,
                List.of(),
                List.of(),
                0,
                false));
        return this;
    }

    @Override
    public List<RecordedActivity> activities(
            String bureau, String branch, java.util.Collection<String> types, LocalDate from, LocalDate to) {
        return activities.stream()
                .filter(a -> types.contains(a.type()))
                .filter(a -> a.branch().equals(branch)
                        && !a.occurredOn().isBefore(from)
                        && !a.occurredOn().isAfter(to))
                .toList();
    }

    @Override
    public List<String> keyPersons(String bureau, String branch, LocalDate day) {
        return roles.entrySet().stream()
                .filter(e -> e.getValue().stream()
                        .anyMatch(r -> List.of("BRANCH_SECRETARY", "BRANCH_COMMITTEE", "GROUP_LEADER")
                                .contains(r)))
                .map(Map.Entry::getKey)
                .toList();
    }

    @Override
    public List<String> members(String bureau, String branch, LocalDate day) {
        return List.copyOf(roles.keySet());
    }

    @Override
    public Optional<Review> review(String bureau, String assignee, String quarter) {
        return reviews.stream()
                .filter(r -> r.assignee().equals(assignee) && r.quarter().equals(quarter))
                .findFirst();
    }

    @Override
    public Optional<FiledReport> filedReport(String bureau, String month) {
        return Optional.empty();
    }

    static Instant at(LocalDate day) {
        return day.atTime(10, 0).toInstant(java.time.ZoneOffset.ofHours(8));
    }
}

package io.firstsecretary.assessment.review;

import io.firstsecretary.assessment.facts.Assignment;
import io.firstsecretary.assessment.facts.Evaluation;
import io.firstsecretary.assessment.facts.Facts;
import io.firstsecretary.assessment.facts.Review;
import io.firstsecretary.assessment.obligation.ObligationBook;
import io.firstsecretary.assessment.period.Cadence;
import io.firstsecretary.assessment.period.Period;
import io.firstsecretary.contracts.Events;
import io.firstsecretary.contracts.Topics;
import io.firstsecretary.contracts.assessment.EvaluationRecorded;
import io.firstsecretary.contracts.assessment.ReviewRecorded;
import io.firstsecretary.kit.consumer.ReplicaCatchUp;
import io.firstsecretary.kit.outbox.Outbox;
import io.firstsecretary.kit.security.Caller;
import io.firstsecretary.kit.security.Requires;
import io.firstsecretary.kit.security.Scope;
import io.firstsecretary.kit.web.Codes;
import io.firstsecretary.kit.web.FieldError;
import io.firstsecretary.kit.web.UnprocessableException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The bureau party committee's quarterly reviews (按季度点评) of its first secretaries, and members'
 * year-end 评议 of their first secretary's 年底述职. A new review or evaluation of the same
 * quarter or year replaces the earlier one; each is announced as an event.
 */
@RestController
@RequestMapping("/api/v1/bureaus/{bureau}")
@Tag(
        name = "Reviews and evaluations",
        description = "The party committee's quarterly reviews of its first secretaries, and members' year-end"
                + " evaluations of their first secretary's report.")
class ReviewController {

    private final Facts facts;
    private final Outbox outbox;
    private final ObligationBook book;
    private final Clock clock;
    private final ReplicaCatchUp replica;

    ReviewController(Facts facts, Outbox outbox, ObligationBook book, Clock clock, ReplicaCatchUp replica) {
        this.facts = facts;
        this.replica = replica;
        this.outbox = outbox;
        this.book = book;
        this.clock = clock;
    }

    @Requires(Scope.ASSESSMENT_WRITE)
    @Operation(
            summary = "Record a quarterly review of a first secretary",
            description = "A review of the same first secretary and quarter replaces the earlier one and keeps the"
                    + " day it was first recorded.")
    @PostMapping("/reviews")
    @ResponseStatus(HttpStatus.CREATED)
    Review review(Caller caller, @PathVariable String bureau, @RequestBody RecordReview body) {
        var errors = new ArrayList<FieldError>();
        Period quarter = null;
        if (body.quarter() == null || !body.quarter().matches("^\\d{4}-Q[1-4]$")) {
            errors.add(FieldError.of("quarter", "quarter must look like 2026-Q1"));
        } else {
            quarter = Period.parse(body.quarter());
            if (quarter.start().isAfter(today())) {
                errors.add(FieldError.of("quarter", "quarter " + quarter + " has not begun"));
            }
        }
        if (body.grade() == null) {
            errors.add(FieldError.of("grade", "grade must be EXCELLENT, GOOD, FAIR or POOR"));
        }
        if (body.reviewedBy() != null && !body.reviewedBy().matches(Codes.PATTERN)) {
            errors.add(FieldError.of("reviewedBy", "reviewedBy is a member code: " + Codes.MESSAGE));
        }
        if (body.comment() != null && body.comment().length() > 2000) {
            errors.add(FieldError.of("comment", "comment must be at most 2000 characters"));
        }
        var assignment =
                quarter == null ? Optional.<Assignment>empty() : assignmentIn(bureau, body.assignee(), quarter);
        if (quarter != null && assignment.isEmpty()) {
            errors.add(FieldError.of(
                    "assignee", "assignee must be a first secretary of bureau " + bureau + " during " + quarter));
        }
        if (!errors.isEmpty()) {
            throw new UnprocessableException(errors);
        }
        var a = assignment.get();
        // A review recorded again keeps the day the quarter was first reviewed: correcting it is not late.
        var recordedAt = facts.review(bureau, a.member(), quarter.toString())
                .map(Review::recordedAt)
                .orElse(clock.instant());
        var review = new Review(
                Review.idOf(bureau, a.member(), quarter.toString()),
                bureau,
                a.bureauPath(),
                a.member(),
                a.branch(),
                quarter.toString(),
                body.grade(),
                body.comment(),
                caller.member(body.reviewedBy(), "reviewedBy"),
                recordedAt);
        var event = outbox.event(
                Events.REVIEW_RECORDED,
                review.id(),
                "bureaus/" + bureau + "/reviews/" + review.id(),
                bureau,
                a.bureauPath(),
                new ReviewRecorded(
                        review.id(),
                        bureau,
                        a.bureauPath(),
                        a.member(),
                        a.branch(),
                        review.quarter(),
                        review.grade().name(),
                        review.comment(),
                        review.reviewedBy(),
                        review.recordedAt()));
        outbox.save(Facts.REVIEWS, review.id(), review, List.of(event));
        book.recomputeMember(bureau, a.member());
        return review;
    }

    @Requires(Scope.ASSESSMENT_READ)
    @Operation(
            summary = "List the quarterly reviews of a year",
            description = "assignee narrows the list to one first secretary.")
    @GetMapping("/reviews")
    Items<Review> reviews(
            @PathVariable String bureau, @RequestParam int year, @RequestParam(required = false) String assignee) {
        return new Items<>(facts.reviews(bureau, year).stream()
                .filter(r -> assignee == null || r.assignee().equals(assignee))
                .sorted(Comparator.comparing(Review::quarter).thenComparing(Review::assignee))
                .toList());
    }

    @Requires(Scope.ASSESSMENT_WRITE)
    @Operation(
            summary = "Record a year-end evaluation of a first secretary",
            description = "Members of the branch rate their first secretary's year-end report (年底述职); an"
                    + " evaluation of the same first secretary and year replaces the earlier one.")
    @PostMapping("/evaluations")
    @ResponseStatus(HttpStatus.CREATED)
    EvaluationView evaluate(@PathVariable String bureau, @RequestBody RecordEvaluation body) {
        var errors = new ArrayList<FieldError>();
        if (body.year() == null || body.year() < 2000 || body.year() > today().getYear()) {
            errors.add(FieldError.of("year", "year must be between 2000 and this year"));
        }
        var assignment = body.year() == null
                ? Optional.<Assignment>empty()
                : assignmentIn(
                        bureau,
                        body.assignee(),
                        Period.ofYear(Cadence.YEAR, body.year()).get(0));
        if (body.year() != null && assignment.isEmpty()) {
            errors.add(FieldError.of(
                    "assignee", "assignee must be a first secretary of bureau " + bureau + " in " + body.year()));
        }
        var ratings = body.ratings() == null ? List.<Evaluation.Rating>of() : body.ratings();
        if (ratings.isEmpty()) {
            errors.add(FieldError.of("ratings", "at least one member's rating is required"));
        }
        var seen = new HashSet<String>();
        for (int i = 0; i < ratings.size(); i++) {
            var r = ratings.get(i);
            if (r == null || r.member() == null) {
                errors.add(FieldError.of("ratings[" + i + "].member", "member is required"));
                continue;
            }
            if (r.rating() == null) {
                errors.add(FieldError.of(
                        "ratings[" + i + "].rating", "rating must be SATISFIED, BASICALLY_SATISFIED or DISSATISFIED"));
            }
            if (!seen.add(r.member())) {
                errors.add(FieldError.of("ratings[" + i + "].member", r.member() + " is rated twice"));
            } else if (assignment.isPresent()
                    && facts.everInBranch(bureau, assignment.get().branch()).stream()
                            .noneMatch(m -> m.member().equals(r.member()))) {
                errors.add(FieldError.of(
                        "ratings[" + i + "].member",
                        r.member() + " is not a member of branch "
                                + assignment.get().branch()));
            }
        }
        if (!errors.isEmpty()) {
            throw new UnprocessableException(errors);
        }
        var a = assignment.get();
        var evaluation = new Evaluation(
                Evaluation.idOf(bureau, a.member(), body.year()),
                bureau,
                a.bureauPath(),
                a.member(),
                a.branch(),
                body.year(),
                List.copyOf(ratings),
                clock.instant());
        var event = outbox.event(
                Events.EVALUATION_RECORDED,
                evaluation.id(),
                "bureaus/" + bureau + "/evaluations/" + evaluation.id(),
                bureau,
                a.bureauPath(),
                new EvaluationRecorded(
                        evaluation.id(),
                        bureau,
                        a.bureauPath(),
                        a.member(),
                        a.branch(),
                        evaluation.year(),
                        (int) evaluation.count(Evaluation.Verdict.SATISFIED),
                        (int) evaluation.count(Evaluation.Verdict.BASICALLY_SATISFIED),
                        (int) evaluation.count(Evaluation.Verdict.DISSATISFIED),
                        evaluation.satisfactionRate(),
                        evaluation.recordedAt()));
        outbox.save(Facts.EVALUATIONS, evaluation.id(), evaluation, List.of(event));
        return EvaluationView.of(evaluation);
    }

    @Requires(Scope.ASSESSMENT_READ)
    @Operation(summary = "List the year-end evaluations of a year")
    @GetMapping("/evaluations")
    Items<EvaluationView> evaluations(@PathVariable String bureau, @RequestParam int year) {
        return new Items<>(facts.evaluations(bureau, year).stream()
                .sorted(Comparator.comparing(Evaluation::assignee))
                .map(EvaluationView::of)
                .toList());
    }

    /**
     * The assignment under which {@code member} was first secretary during part of {@code period};
     * none is believed only once the facts have caught up with the organisation topic.
     */
    private Optional<Assignment> assignmentIn(String bureau, String member, Period period) {
        if (member == null) {
            return Optional.empty();
        }
        var found = assignmentKnownIn(bureau, member, period);
        return found.isEmpty() && replica.awaitCurrent(Topics.ORGANISATION)
                ? assignmentKnownIn(bureau, member, period)
                : found;
    }

    private Optional<Assignment> assignmentKnownIn(String bureau, String member, Period period) {
        return facts.assignmentsOf(bureau, member).stream()
                .filter(a -> !a.from().isAfter(period.end()) && (a.to() == null || !a.to().isBefore(period.start())))
                .max(Comparator.comparing(Assignment::from));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), Period.ZONE);
    }

    record RecordReview(String assignee, String quarter, Review.Grade grade, String comment, String reviewedBy) {}

    record RecordEvaluation(String assignee, Integer year, List<Evaluation.Rating> ratings) {}

    record Items<T>(List<T> items) {}

    /** An evaluation with its counts and satisfaction rate (满意率). */
    record EvaluationView(
            String id,
            String assignee,
            String branch,
            int year,
            long satisfied,
            long basicallySatisfied,
            long dissatisfied,
            double satisfactionRate,
            List<Evaluation.Rating> ratings) {

        static EvaluationView of(Evaluation e) {
            return new EvaluationView(
                    e.id(),
                    e.assignee(),
                    e.branch(),
                    e.year(),
                    e.count(Evaluation.Verdict.SATISFIED),
                    e.count(Evaluation.Verdict.BASICALLY_SATISFIED),
                    e.count(Evaluation.Verdict.DISSATISFIED),
                    e.satisfactionRate(),
                    e.ratings());
        }
    }
}

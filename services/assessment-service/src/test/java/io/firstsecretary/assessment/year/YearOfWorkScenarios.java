package io.firstsecretary.assessment.year;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firstsecretary.assessment.competition.RankingPublisher;
import io.firstsecretary.assessment.obligation.ObligationBook;
import io.firstsecretary.contracts.EventJson;
import io.firstsecretary.contracts.Events;
import io.firstsecretary.contracts.Topics;
import io.firstsecretary.contracts.activity.ActivityCorrected;
import io.firstsecretary.contracts.activity.ActivityLogged;
import io.firstsecretary.contracts.activity.ActivityVoided;
import io.firstsecretary.contracts.assessment.ObligationOverdue;
import io.firstsecretary.contracts.assessment.RankingPublished;
import io.firstsecretary.contracts.organisation.BranchEstablished;
import io.firstsecretary.contracts.organisation.BureauRegistered;
import io.firstsecretary.contracts.organisation.FirstSecretaryAssigned;
import io.firstsecretary.contracts.organisation.FirstSecretaryRelieved;
import io.firstsecretary.contracts.organisation.MemberRegistered;
import io.firstsecretary.infra.testing.ApiClient;
import io.firstsecretary.infra.testing.TestIssuer;
import io.firstsecretary.infra.testing.TopicProbe;
import io.firstsecretary.kit.outbox.OutboxRelay;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A year of generated work in a bureau of five first secretaries (one relieved mid-year, one
 * appointed late): every obligation's status and evidence and every scorecard's total equal what
 * the {@link YearOracle} works out on its own; then the clock passes the year's end and what was
 * left undone becomes overdue, each announced once.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.kafka.consumer.group-id=" + YearOfWorkScenarios.GROUP,
            "firstsec.obligations.sweep-delay=PT24H",
            "firstsec.rankings.publish-delay=PT24H"
        })
@Import(YearOfWorkScenarios.Time.class)
abstract class YearOfWorkScenarios {

    /** Tokens come from a test issuer: the service checks them as it checks the identity service's. */
    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        TestIssuer.shared().properties().forEach((name, value) -> registry.add(name, () -> value));
    }

    static final String GROUP = "assessment-year";
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final LocalDate TODAY = LocalDate.of(2026, 12, 20);
    static final Duration WAIT = Duration.ofSeconds(60);
    static final MutableClock CLOCK =
            new MutableClock(TODAY.atTime(10, 0).atZone(SHANGHAI).toInstant(), SHANGHAI);

    @TestConfiguration
    static class Time {
        @Bean
        @Primary
        Clock movableClock() {
            return CLOCK;
        }
    }

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Autowired
    ObligationBook book;

    @Autowired
    OutboxRelay relay;

    @Autowired
    RankingPublisher rankings;

    ApiClient api;
    TopicProbe topics;
    String bureau;
    List<String> path;
    final Random random = new Random(20_261_225);

    @BeforeEach
    void setUp() {
        CLOCK.set(TODAY.atTime(10, 0).atZone(SHANGHAI).toInstant());
        api = new ApiClient("http://127.0.0.1:" + port, TestIssuer.shared().operator());
        topics = new TopicProbe(bootstrapServers);
        bureau = "y" + UUID.randomUUID().toString().substring(0, 8);
        path = List.of("js", bureau);
    }

    @AfterEach
    void close() {
        topics.close();
    }

    @Test
    void aYearOfWorkComesToWhatTheOracleExpects() {
        var terms = List.of(
                new YearOracle.Term("fs1", "b1", LocalDate.of(2026, 1, 1), null),
                new YearOracle.Term("fs2", "b2", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 10)),
                new YearOracle.Term("fs3", "b2", LocalDate.of(2026, 6, 11), null),
                new YearOracle.Term("fs4", "b3", LocalDate.of(2026, 2, 16), null),
                new YearOracle.Term("fs5", "b4", LocalDate.of(2026, 1, 1), null));
        var members = organisation(terms);
        var work = work(terms, members);
        var reviews = reviews();
        double satisfaction = evaluate(members);
        var oracle = new YearOracle(members, work, reviews);

        for (var term : terms) {
            assertObligations(oracle, term, TODAY, terms);
        }
        var cards = api.get("/api/v1/bureaus/" + bureau + "/scorecards?year=2026")
                .body()
                .get("items");
        var totals = new TreeMap<String, Double>();
        cards.values()
                .forEach(c -> totals.put(
                        c.get("assignee").asString() + "@" + c.get("branch").asString(),
                        c.get("total").asDouble()));
        var expectedTotals = new TreeMap<String, Double>();
        for (var term : terms) {
            var rate = term.member().equals("fs1") ? Optional.of(satisfaction) : Optional.<Double>empty();
            expectedTotals.put(term.member() + "@" + term.branch(), oracle.score(term, TODAY, rate));
        }
        assertThat(totals).isEqualTo(expectedTotals);
        var standings = api.get("/api/v1/bureaus/" + bureau + "/rankings?period=2026")
                .body()
                .get("items");
        for (var s : standings.values()) {
            double score = s.get("score").asDouble();
            long higher =
                    expectedTotals.values().stream().filter(t -> t > score).count();
            assertThat(s.get("rank").asInt()).isEqualTo(higher + 1);
        }

        // The year ends: what is still open becomes overdue, once, and next year's duties open.
        relay.relayPending();
        long overdueBefore = overdueEvents();
        var open = new TreeSet<String>();
        for (var term : terms) {
            oracle.obligations(term, TODAY).forEach((k, v) -> {
                if (v.status().equals("OPEN")) {
                    open.add(term.member() + " " + k);
                }
            });
        }
        LocalDate later = LocalDate.of(2027, 1, 20);
        CLOCK.set(later.atTime(10, 0).atZone(SHANGHAI).toInstant());
        int swept = book.sweep();
        assertThat(swept).isGreaterThanOrEqualTo(open.size());
        for (var term : terms) {
            assertObligations(oracle, term, later, terms);
        }
        relay.relayPending();
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(overdueEvents() - overdueBefore)
                        .isEqualTo(open.size() + bureauDutiesOverdueSince(TODAY, later)));
        book.sweep();
        relay.relayPending();
        assertThat(overdueEvents() - overdueBefore).isEqualTo(open.size() + bureauDutiesOverdueSince(TODAY, later));
        // The closed December, fourth quarter and year are published once, as the API ranks them.
        assertThat(rankings.publishClosedPeriods()).isGreaterThanOrEqualTo(3);
        assertThat(rankings.publishClosedPeriods()).isZero();
        relay.relayPending();
        // at least once: the scheduled relay and this one may both send an event, under one ce_id
        var published = topics.readAll(Topics.ASSESSMENT, Events.RANKING_PUBLISHED.type()).stream()
                .filter(distinctBy(r -> TopicProbe.header(r, "ce_id").orElseThrow()))
                .map(r -> EventJson.read(r.value(), RankingPublished.class))
                .filter(r -> r.bureau().equals(bureau))
                .toList();
        assertThat(published)
                .extracting(RankingPublished::period)
                .containsExactlyInAnyOrder("2026-12", "2026-Q4", "2026");
        var year = published.stream()
                .filter(r -> r.period().equals("2026"))
                .findFirst()
                .orElseThrow();
        assertThat(year.items())
                .extracting(e -> e.assignee() + " " + e.rank() + " " + e.score())
                .containsExactlyInAnyOrderElementsOf(
                        api
                                .get("/api/v1/bureaus/" + bureau + "/rankings?period=2026")
                                .body()
                                .get("items")
                                .values()
                                .stream()
                                .map(i -> i.get("assignee").asString() + " "
                                        + i.get("rank").asInt() + " "
                                        + i.get("score").asDouble())
                                .toList());

        var next = api.get("/api/v1/bureaus/" + bureau + "/obligations?assignee=fs1&year=2027")
                .body();
        assertThat(next.get("total").asInt()).isEqualTo(26);
    }

    private void assertObligations(
            YearOracle oracle, YearOracle.Term term, LocalDate today, List<YearOracle.Term> terms) {
        var expected = new TreeMap<String, String>();
        oracle.obligations(term, today)
                .forEach((k, v) -> expected.put(
                        k,
                        v.status() + " " + (k.startsWith("QUARTERLY_REVIEW") ? "" : YearOracle.sorted(v.evidence()))));
        var actual = new TreeMap<String, String>();
        var items = api.get("/api/v1/bureaus/" + bureau + "/obligations?year=2026&size=500&assignee=" + term.member())
                .body()
                .get("items");
        for (JsonNode o : items.values()) {
            if (!o.get("branch").asString().equals(term.branch())) {
                continue;
            }
            String key = o.get("duty").asString() + " " + o.get("period").asString();
            String status = o.get("status").asString();
            var evidence = new TreeSet<String>();
            o.get("evidence").values().forEach(e -> evidence.add(e.asString()));
            actual.put(
                    key,
                    status.equals("WAIVED")
                            ? "WAIVED"
                            : status + " " + (key.startsWith("QUARTERLY_REVIEW") ? "" : new ArrayList<>(evidence)));
        }
        assertThat(actual).as(term.member() + " on " + today).isEqualTo(expected);
    }

    /** The bureau's monthly reports (none filed) that fell due between the two days. */
    private int bureauDutiesOverdueSince(LocalDate from, LocalDate to) {
        int count = 0;
        for (int month = 1; month <= 12; month++) {
            LocalDate due =
                    LocalDate.of(2026, month, 1).plusMonths(1).minusDays(1).plusDays(10);
            if (!due.isBefore(from) && due.isBefore(to)) {
                count++;
            }
        }
        return count;
    }

    private long overdueEvents() {
        return topics.readAll(Topics.ASSESSMENT, Events.OBLIGATION_OVERDUE.type()).stream()
                .filter(r -> TopicProbe.header(r, "ce_bureau").orElse("").equals(bureau))
                .map(r -> EventJson.read(r.value(), ObligationOverdue.class).id())
                .distinct()
                .count();
    }

    private List<YearOracle.Member> organisation(List<YearOracle.Term> terms) {
        topics.publish(
                Events.BUREAU_REGISTERED,
                bureau,
                id(),
                bureau,
                new BureauRegistered(bureau, "测试局", "COUNTY", "js", path));
        var members = new ArrayList<YearOracle.Member>();
        for (String branch : List.of("b1", "b2", "b3", "b4")) {
            topics.publish(
                    Events.BRANCH_ESTABLISHED,
                    bureau,
                    id(),
                    bureau,
                    new BranchEstablished(bureau, path, branch, "支部" + branch, List.of()));
            int size = 4 + random.nextInt(5);
            for (int i = 0; i < size; i++) {
                var roles = switch (i) {
                    case 0 -> List.of("BRANCH_SECRETARY");
                    case 1 -> List.of("BRANCH_COMMITTEE");
                    case 2 -> random.nextBoolean() ? List.of("GROUP_LEADER") : List.<String>of();
                    default -> List.<String>of();
                };
                var member = new YearOracle.Member(branch + "m" + i, branch, roles);
                members.add(member);
                topics.publish(
                        Events.MEMBER_REGISTERED,
                        bureau,
                        id(),
                        bureau,
                        new MemberRegistered(
                                bureau,
                                path,
                                member.code(),
                                "党员" + member.code(),
                                null,
                                null,
                                roles,
                                branch,
                                null,
                                LocalDate.of(2010, 7, 1)));
            }
        }
        for (var term : terms) {
            topics.publish(
                    Events.FIRST_SECRETARY_ASSIGNED,
                    bureau,
                    id(),
                    bureau,
                    new FirstSecretaryAssigned(
                            bureau,
                            path,
                            bureau + ":" + term.member(),
                            term.member(),
                            "书记" + term.member(),
                            term.branch(),
                            term.from(),
                            null));
        }
        for (var term : terms) {
            if (term.to() != null) {
                topics.publish(
                        Events.FIRST_SECRETARY_RELIEVED,
                        bureau,
                        id(),
                        bureau,
                        new FirstSecretaryRelieved(
                                bureau,
                                path,
                                bureau + ":" + term.member(),
                                term.member(),
                                term.branch(),
                                term.from(),
                                term.to(),
                                "RELIEVED"));
            }
        }
        topics.awaitConsumed(GROUP, Topics.ORGANISATION, WAIT);
        return members;
    }

    private static final List<String> TYPES = List.of(
            "GUIDANCE_OPINION",
            "REPORT_HEARING",
            "FOUR_TRUE_RESEARCH",
            "PARTY_LECTURE",
            "ORG_LIFE_MEETING",
            "SUPERVISION_INSPECTION",
            "EXPERIENCE_SUMMARY",
            "ANNUAL_COMMITMENT",
            "YEAR_END_REPORT",
            "TALK",
            "TALK",
            "SERVICE_VISIT");
    private static final List<String> LEVELS =
            java.util.Arrays.asList(null, "BRANCH", "BUREAU", "MUNICIPAL", "PROVINCIAL");

    /** Generates, publishes and returns the year's activities as they finally stand. */
    private List<YearOracle.Work> work(List<YearOracle.Term> terms, List<YearOracle.Member> members) {
        var finalState = new LinkedHashMap<String, YearOracle.Work>();
        for (var term : terms) {
            var ofBranch = members.stream()
                    .filter(m -> m.branch().equals(term.branch()))
                    .map(YearOracle.Member::code)
                    .toList();
            for (int month = 1; month <= 12; month++) {
                int count = random.nextInt(term.member().equals("fs5") ? 2 : 5);
                for (int i = 0; i < count; i++) {
                    LocalDate day = LocalDate.of(2026, month, 1 + random.nextInt(28));
                    if (day.isBefore(term.from())
                            || (term.to() != null && day.isAfter(term.to()))
                            || day.isAfter(TODAY)) {
                        continue;
                    }
                    String type = TYPES.get(random.nextInt(TYPES.size()));
                    String actor =
                            random.nextInt(10) < 8 ? term.member() : ofBranch.get(random.nextInt(ofBranch.size()));
                    LocalDate logged = day.plusDays(random.nextInt(41));
                    logged = logged.isAfter(TODAY) ? TODAY : logged;
                    var participants = type.equals("TALK") ? some(ofBranch, 1 + random.nextInt(4)) : List.<String>of();
                    String lecturer =
                            type.equals("PARTY_LECTURE") ? (random.nextInt(5) == 0 ? ofBranch.get(0) : actor) : null;
                    var attendees = type.equals("ORG_LIFE_MEETING")
                            ? with(some(ofBranch, 3), random.nextInt(10) < 7 ? term.member() : null)
                            : List.<String>of();
                    String level = type.equals("EXPERIENCE_SUMMARY") ? LEVELS.get(random.nextInt(LEVELS.size())) : null;
                    var items = type.equals("ANNUAL_COMMITMENT") ? List.of("c1", "c2", "c3") : List.<String>of();
                    var outcomes = new TreeMap<String, String>();
                    if (type.equals("YEAR_END_REPORT")) {
                        for (String item : List.of("c1", "c2", "c3")) {
                            outcomes.put(
                                    item,
                                    List.of("ACHIEVED", "PARTLY_ACHIEVED", "NOT_ACHIEVED")
                                            .get(random.nextInt(3)));
                        }
                    }
                    var w = new YearOracle.Work(
                            id(),
                            type,
                            term.branch(),
                            actor,
                            day,
                            logged,
                            lecturer,
                            attendees,
                            participants,
                            level,
                            items,
                            outcomes,
                            false);
                    publish(w, 0);
                    finalState.put(w.id(), w);
                    int fate = random.nextInt(20);
                    if (fate == 0) {
                        topics.publish(
                                Events.ACTIVITY_VOIDED,
                                bureau + "/" + w.branch(),
                                id(),
                                bureau,
                                new ActivityVoided(w.id(), bureau, path, w.branch(), "录入错误", null, Instant.now()));
                        finalState.put(w.id(), withVoided(w));
                    } else if (fate == 1) {
                        LocalDate moved = day.plusDays(random.nextInt(31) - 15);
                        if (moved.getYear() == 2026
                                && !moved.isAfter(TODAY)
                                && !moved.isBefore(term.from())
                                && (term.to() == null || !moved.isAfter(term.to()))) {
                            var corrected = withDay(w, moved);
                            publish(corrected, 1);
                            finalState.put(w.id(), corrected);
                        }
                    }
                }
            }
        }
        topics.awaitConsumed(GROUP, Topics.ACTIVITY, WAIT);
        return List.copyOf(finalState.values());
    }

    private List<YearOracle.Review> reviews() {
        var reviews = new ArrayList<YearOracle.Review>();
        var grades = List.of("EXCELLENT", "GOOD", "FAIR", "POOR");
        Map<String, List<String>> quarters = new HashMap<>();
        quarters.put("fs1", List.of("2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"));
        quarters.put("fs3", List.of("2026-Q3"));
        quarters.put("fs5", List.of("2026-Q1", "2026-Q3"));
        for (var entry : new TreeMap<>(quarters).entrySet()) {
            for (String quarter : entry.getValue()) {
                String grade = grades.get(random.nextInt(grades.size()));
                var response = api.post(
                        "/api/v1/bureaus/" + bureau + "/reviews",
                        "{\"assignee\":\"" + entry.getKey() + "\",\"quarter\":\"" + quarter + "\",\"grade\":\"" + grade
                                + "\"}");
                assertThat(response.status()).isEqualTo(201);
                reviews.add(new YearOracle.Review(entry.getKey(), quarter, grade, TODAY));
            }
        }
        return reviews;
    }

    private double evaluate(List<YearOracle.Member> members) {
        var ratings = new ArrayList<String>();
        int satisfied = 0;
        int rated = 0;
        for (var m : members) {
            if (m.branch().equals("b1")) {
                String rating = List.of("SATISFIED", "BASICALLY_SATISFIED", "DISSATISFIED")
                        .get(random.nextInt(3));
                ratings.add("{\"member\":\"" + m.code() + "\",\"rating\":\"" + rating + "\"}");
                satisfied += rating.equals("DISSATISFIED") ? 0 : 1;
                rated++;
            }
        }
        var response = api.post(
                "/api/v1/bureaus/" + bureau + "/evaluations",
                "{\"assignee\":\"fs1\",\"year\":2026,\"ratings\":[" + String.join(",", ratings) + "]}");
        assertThat(response.status()).isEqualTo(201);
        return (double) satisfied / rated;
    }

    private void publish(YearOracle.Work w, int revision) {
        var logged = new ActivityLogged(
                w.id(),
                bureau,
                path,
                w.type(),
                w.branch(),
                w.actor(),
                w.occurredOn(),
                "记录",
                w.participants(),
                null,
                w.loggedOn().atTime(10, 0).atZone(SHANGHAI).toInstant(),
                null,
                null,
                w.lecturer(),
                null,
                w.attendees(),
                null,
                null,
                null,
                w.promotionLevel(),
                w.items().stream()
                        .map(i -> new ActivityLogged.CommitmentItem(i, "承诺" + i))
                        .toList(),
                w.outcomes().entrySet().stream()
                        .map(e -> new ActivityLogged.ItemOutcome(e.getKey(), e.getValue(), null))
                        .toList(),
                null,
                null);
        if (revision == 0) {
            topics.publish(Events.ACTIVITY_LOGGED, bureau + "/" + w.branch(), id(), bureau, logged);
        } else {
            topics.publish(
                    Events.ACTIVITY_CORRECTED,
                    bureau + "/" + w.branch(),
                    id(),
                    bureau,
                    new ActivityCorrected(
                            w.id(), bureau, path, revision, "日期录错", List.of("occurredOn"), Instant.now(), logged));
        }
    }

    private List<String> some(List<String> codes, int count) {
        var chosen = new TreeSet<String>();
        for (int i = 0; i < count; i++) {
            chosen.add(codes.get(random.nextInt(codes.size())));
        }
        return List.copyOf(chosen);
    }

    private static List<String> with(List<String> codes, String extra) {
        var all = new ArrayList<>(codes);
        if (extra != null) {
            all.add(extra);
        }
        return all;
    }

    private static YearOracle.Work withVoided(YearOracle.Work w) {
        return new YearOracle.Work(
                w.id(),
                w.type(),
                w.branch(),
                w.actor(),
                w.occurredOn(),
                w.loggedOn(),
                w.lecturer(),
                w.attendees(),
                w.participants(),
                w.promotionLevel(),
                w.items(),
                w.outcomes(),
                true);
    }

    private static YearOracle.Work withDay(YearOracle.Work w, LocalDate day) {
        return new YearOracle.Work(
                w.id(),
                w.type(),
                w.branch(),
                w.actor(),
                day,
                w.loggedOn(),
                w.lecturer(),
                w.attendees(),
                w.participants(),
                w.promotionLevel(),
                w.items(),
                w.outcomes(),
                false);
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }

    private static <T> java.util.function.Predicate<T> distinctBy(java.util.function.Function<T, Object> key) {
        var seen = new java.util.HashSet<Object>();
        return t -> seen.add(key.apply(t));
    }
}

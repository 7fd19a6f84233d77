package io.firstsecretary.assessment.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClients;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import io.firstsecretary.assessment.rebuild.ProjectionRebuild;
import io.firstsecretary.contracts.EventJson;
import io.firstsecretary.contracts.EventType;
import io.firstsecretary.contracts.Events;
import io.firstsecretary.contracts.Topics;
import io.firstsecretary.contracts.activity.ActivityLogged;
import io.firstsecretary.contracts.organisation.BranchEstablished;
import io.firstsecretary.contracts.organisation.BureauRegistered;
import io.firstsecretary.contracts.organisation.FirstSecretaryAssigned;
import io.firstsecretary.contracts.organisation.MemberRegistered;
import io.firstsecretary.infra.EmbeddedRuntime;
import io.firstsecretary.infra.testing.TestIssuer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code make bench}: a national-scale tree (about 3,000 bureaus under one national bureau, 40,000
 * first secretaries each with a branch) and a year of its activities, 1,000,000 events in all, put
 * on the topics; the projections rebuilt from them into a fresh generation (events/s against the
 * raw store's bulk-upsert rate on the same run); then the obligations and rankings of one county
 * bureau read from the projections against the same counts aggregated at read time from the raw
 * activities, and the rankings and compliance of its city with the city's counties, each with the
 * target it is held to. The listeners do not run: the rebuild alone reads the topics. {@code
 * -Dbench.quick=true} runs it at a fiftieth of the size. Writes {@code target/bench/rebuild.json}.
 * Not part of {@code make test}: the name matches neither {@code *Test} nor {@code *IT}.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "firstsec.clock.fixed=2026-12-20T02:00:00Z",
            "spring.kafka.consumer.group-id=assessment-rebuild-bench",
            "spring.kafka.listener.auto-startup=false",
            "firstsec.obligations.sweep-delay=PT24H",
            "firstsec.rankings.publish-delay=PT24H"
        })
class RebuildBenchmark {

    static final boolean QUICK = Boolean.getBoolean("bench.quick");
    /** How many times smaller than national the run is: 50 quick, 1 full, or {@code -Dbench.scale}. */
    static final int SCALE = Integer.getInteger("bench.scale", QUICK ? 50 : 1);

    static final int PROVINCES = Math.max(1, 31 / SCALE);
    static final int CITIES_PER_PROVINCE = SCALE >= 10 ? 3 : 10;
    static final int COUNTIES_PER_CITY = 9;
    static final int FIRST_SECRETARIES = 40_000 / SCALE;
    static final int MEMBERS_PER_BRANCH = 2;
    static final int EVENTS = 1_000_000 / SCALE;
    static final int RAW_BULK = 100_000 / SCALE;
    /** At national scale a read takes seconds on the embedded store: 20 reads, whose p99 is their slowest. */
    static final int READS = Integer.getInteger("bench.reads", SCALE > 5 ? 50 : 20);

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final List<String> TYPES = List.of(
            "TALK",
            "TALK",
            "TALK",
            "TALK",
            "GUIDANCE_OPINION",
            "REPORT_HEARING",
            "FOUR_TRUE_RESEARCH",
            "PARTY_LECTURE",
            "ORG_LIFE_MEETING",
            "SUPERVISION_INSPECTION",
            "EXPERIENCE_SUMMARY",
            "SERVICE_VISIT",
            "THEMED_PARTY_DAY");

    @DynamicPropertySource
    static void runtime(DynamicPropertyRegistry registry) {
        var runtime = EmbeddedRuntime.shared();
        registry.add("spring.kafka.bootstrap-servers", runtime::kafkaBootstrapServers);
        TestIssuer.shared().properties().forEach((name, value) -> registry.add(name, () -> value));
        registry.add("spring.mongodb.uri", () -> runtime.mongoUri("assessment-rebuild-bench"));
    }

    @Autowired
    ProjectionRebuild rebuild;

    @LocalServerPort
    int port;

    final Map<String, Object> results = new LinkedHashMap<>();

    @Test
    void rebuildAndReadANationalTree() throws Exception {
        var runtime = EmbeddedRuntime.shared();
        var tree = Tree.generate();
        progress("generating " + tree.bureaus().size() + " bureaus, " + FIRST_SECRETARIES + " first secretaries and "
                + EVENTS + " events in all");
        var random = new Random(2026);
        var raw = new ArrayList<Document>();
        long organisationEvents;
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of(
                        "bootstrap.servers",
                        runtime.kafkaBootstrapServers(),
                        "acks",
                        "all",
                        "linger.ms",
                        20,
                        "batch.size",
                        262_144),
                new StringSerializer(),
                new ByteArraySerializer())) {
            organisationEvents = tree.publish(producer);
            for (long i = organisationEvents; i < EVENTS; i++) {
                var fs =
                        tree.secretaries().get(random.nextInt(tree.secretaries().size()));
                LocalDate day = LocalDate.of(2026, 1, 1).plusDays(random.nextInt(350));
                String type = TYPES.get(random.nextInt(TYPES.size()));
                var logged = new ActivityLogged(
                        UUID.randomUUID().toString(),
                        fs.bureau(),
                        fs.path(),
                        type,
                        fs.branch(),
                        fs.id(),
                        day,
                        "记录",
                        type.equals("TALK")
                                ? List.of(fs.branch() + "m" + random.nextInt(MEMBERS_PER_BRANCH))
                                : List.of(),
                        null,
                        day.atTime(18, 0).atZone(SHANGHAI).toInstant());
                producer.send(record(Events.ACTIVITY_LOGGED, fs.bureau() + "/" + fs.branch(), fs.bureau(), logged));
                raw.add(new Document("_id", logged.id())
                        .append("bureau", fs.bureau())
                        .append("branch", fs.branch())
                        .append("actor", fs.id())
                        .append("type", type)
                        .append("occurredOn", day.toString()));
            }
            producer.flush();
        }
        results.put("tree", Map.of("bureaus", tree.bureaus().size(), "firstSecretaries", FIRST_SECRETARIES));
        results.put("events", Map.of("organisation", organisationEvents, "activities", EVENTS - organisationEvents));

        progress("raw store: " + RAW_BULK + " upserts in bulks of 1,000");
        double rawBulk;
        try (var client = MongoClients.create(runtime.mongoConnectionString())) {
            var collection = client.getDatabase("assessment-rebuild-raw").getCollection("upserts");
            long started = System.nanoTime();
            for (int from = 0; from < RAW_BULK; from += 1_000) {
                var batch = new ArrayList<ReplaceOneModel<Document>>();
                for (int i = from; i < Math.min(RAW_BULK, from + 1_000); i++) {
                    var doc = raw.get(i);
                    batch.add(new ReplaceOneModel<>(
                            new Document("_id", doc.get("_id")), doc, new ReplaceOptions().upsert(true)));
                }
                collection.bulkWrite(batch);
            }
            rawBulk = RAW_BULK / ((System.nanoTime() - started) / 1e9);
        }
        results.put("rawStore", Map.of("bulkUpsertsPerSecond", rawBulk));

        progress("rebuilding the projections from " + EVENTS + " events");
        var watcher = Executors.newSingleThreadScheduledExecutor();
        watcher.scheduleAtFixedRate(
                () -> {
                    var s = rebuild.status();
                    progress("  rebuild " + s.phase() + ": " + s.events() + " events, " + s.assignments()
                            + " assignments");
                },
                10,
                10,
                TimeUnit.SECONDS);
        long started = System.nanoTime();
        var rebuilt = rebuild.rebuild();
        double seconds = (System.nanoTime() - started) / 1e9;
        watcher.shutdownNow();
        assertThat(rebuilt.phase()).as(rebuilt.error()).isEqualTo("DONE");
        assertThat(rebuilt.events()).isEqualTo(EVENTS);
        assertThat(rebuilt.assignments()).isEqualTo(FIRST_SECRETARIES);
        results.put(
                "rebuild",
                Map.of(
                        "events",
                        rebuilt.events(),
                        "seconds",
                        seconds,
                        "eventsPerSecond",
                        rebuilt.events() / seconds,
                        "ratioToRawBulkUpserts",
                        rebuilt.events() / seconds / rawBulk));

        progress("reads: " + READS + " of each query for one county bureau of the national tree");
        String county = tree.secretaries().get(0).bureau();
        var http = HttpClient.newHttpClient();
        double obligations = p99(() -> get(http, "/api/v1/bureaus/" + county + "/obligations?year=2026&size=100"));
        double rankings = p99(() -> get(http, "/api/v1/bureaus/" + county + "/rankings?period=2026"));
        var path = tree.secretaries().get(0).path();
        String city = path.get(path.size() - 2);
        progress("reads: " + READS + " of the rankings and compliance of " + city + " with its counties");
        double cityRankings =
                p99(() -> get(http, "/api/v1/bureaus/" + city + "/rankings?period=2026-Q4&includeDescendants=true"));
        double cityCompliance =
                p99(() -> get(http, "/api/v1/bureaus/" + city + "/compliance?year=2026&includeDescendants=true"));
        double aggregated;
        try (var client = MongoClients.create(runtime.mongoConnectionString())) {
            var activities = client.getDatabase("assessment-rebuild-raw").getCollection("activities");
            progress("  loading " + raw.size() + " raw activities for read-time aggregation");
            for (int from = 0; from < raw.size(); from += 1_000) {
                activities.insertMany(raw.subList(from, Math.min(raw.size(), from + 1_000)));
            }
            var pipeline = List.of(
                    new Document(
                            "$match",
                            new Document("bureau", county)
                                    .append(
                                            "occurredOn",
                                            new Document("$gte", "2026-01-01").append("$lte", "2026-12-31"))),
                    new Document(
                            "$group",
                            new Document("_id", new Document("actor", "$actor").append("type", "$type"))
                                    .append("count", new Document("$sum", 1))));
            aggregated = p99(() -> activities.aggregate(pipeline).into(new ArrayList<>()));
        }
        results.put(
                "reads",
                Map.of(
                        "bureau", county,
                        "obligationsP99Millis", obligations,
                        "rankingsP99Millis", rankings,
                        "readTimeAggregationP99Millis", aggregated,
                        "aggregationOverObligationsRatio", aggregated / obligations,
                        "aggregationOverRankingsRatio", aggregated / rankings,
                        "city", city,
                        "cityRankingsP99Millis", cityRankings,
                        "cityComplianceP99Millis", cityCompliance));
        double rate = rebuilt.events() / seconds / rawBulk;
        results.put(
                "targets",
                Map.of(
                        "rebuildAtLeastHalfTheRawBulkRate", Map.of("figure", rate, "met", rate >= 0.5),
                        "countyObligationsP99AtMost100Millis", Map.of("figure", obligations, "met", obligations <= 100),
                        "countyObligationsAtLeast10TimesFasterThanAggregation",
                                Map.of("figure", aggregated / obligations, "met", aggregated / obligations >= 10),
                        "cityRankingsP99AtMost200Millis", Map.of("figure", cityRankings, "met", cityRankings <= 200),
                        "cityComplianceP99AtMost200Millis",
                                Map.of("figure", cityCompliance, "met", cityCompliance <= 200)));
        results.put("quick", QUICK);
        results.put("scale", SCALE);
        results.put("measuredAt", Instant.now().toString());
        Files.createDirectories(Path.of("target/bench"));
        String json =
                JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(results);
        Files.writeString(Path.of("target/bench/rebuild.json"), json);
        System.out.println("Rebuild and national-scale reads benchmark (" + (SCALE == 1 ? "full" : "1/" + SCALE)
                + " scale, one run):");
        System.out.println(json);
    }

    private void get(HttpClient http, String path) {
        try {
            var response = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                            .header(
                                    "Authorization",
                                    "Bearer " + TestIssuer.shared().operator().get())
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static double p99(Runnable read) {
        read.run();
        double[] millis = new double[READS];
        for (int i = 0; i < READS; i++) {
            long t = System.nanoTime();
            read.run();
            millis[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(millis);
        return millis[(int) Math.ceil(0.99 * READS) - 1];
    }

    /** One national bureau, provinces, cities and counties; first secretaries spread over the counties. */
    record Tree(List<BureauRegistered> bureaus, List<Secretary> secretaries) {

        record Secretary(String id, String bureau, List<String> path, String branch) {}

        static Tree generate() {
            var bureaus = new ArrayList<BureauRegistered>();
            var counties = new ArrayList<BureauRegistered>();
            bureaus.add(new BureauRegistered("cn", "国家局", "NATIONAL", null, List.of("cn")));
            for (int p = 0; p < PROVINCES; p++) {
                String province = "p" + p;
                bureaus.add(new BureauRegistered(province, "省局" + p, "PROVINCIAL", "cn", List.of("cn", province)));
                for (int c = 0; c < CITIES_PER_PROVINCE; c++) {
                    String city = province + "c" + c;
                    bureaus.add(new BureauRegistered(
                            city, "市局" + city, "MUNICIPAL", province, List.of("cn", province, city)));
                    for (int k = 0; k < COUNTIES_PER_CITY; k++) {
                        String county = city + "k" + k;
                        var registered = new BureauRegistered(
                                county, "县局" + county, "COUNTY", city, List.of("cn", province, city, county));
                        bureaus.add(registered);
                        counties.add(registered);
                    }
                }
            }
            var secretaries = new ArrayList<Secretary>();
            for (int i = 0; i < FIRST_SECRETARIES; i++) {
                var county = counties.get(i % counties.size());
                secretaries.add(new Secretary("fs" + i, county.code(), county.path(), "b" + i));
            }
            return new Tree(bureaus, secretaries);
        }

        /** Puts the tree on the organisation topic; the number of events. */
        long publish(KafkaProducer<String, byte[]> producer) throws Exception {
            var sends = new ArrayList<Future<?>>();
            for (var b : bureaus) {
                sends.add(producer.send(record(Events.BUREAU_REGISTERED, b.code(), b.code(), b)));
            }
            LocalDate joined = LocalDate.of(2005, 7, 1);
            for (var fs : secretaries) {
                String key = fs.bureau();
                sends.add(producer.send(record(
                        Events.BRANCH_ESTABLISHED,
                        key,
                        fs.bureau(),
                        new BranchEstablished(fs.bureau(), fs.path(), fs.branch(), "支部" + fs.branch(), List.of()))));
                sends.add(producer.send(record(
                        Events.MEMBER_REGISTERED,
                        key,
                        fs.bureau(),
                        new MemberRegistered(
                                fs.bureau(),
                                fs.path(),
                                fs.id(),
                                "书记",
                                null,
                                null,
                                List.of("COMMITTEE_MEMBER"),
                                fs.branch(),
                                null,
                                joined))));
                for (int m = 0; m < MEMBERS_PER_BRANCH; m++) {
                    sends.add(producer.send(record(
                            Events.MEMBER_REGISTERED,
                            key,
                            fs.bureau(),
                            new MemberRegistered(
                                    fs.bureau(),
                                    fs.path(),
                                    fs.branch() + "m" + m,
                                    "党员",
                                    null,
                                    null,
                                    m == 0 ? List.of("BRANCH_SECRETARY") : List.of(),
                                    fs.branch(),
                                    null,
                                    joined))));
                }
                sends.add(producer.send(record(
                        Events.FIRST_SECRETARY_ASSIGNED,
                        key,
                        fs.bureau(),
                        new FirstSecretaryAssigned(
                                fs.bureau(),
                                fs.path(),
                                fs.bureau() + ":" + fs.branch(),
                                fs.id(),
                                "书记",
                                fs.branch(),
                                LocalDate.of(2026, 1, 1),
                                null))));
            }
            for (var send : sends) {
                send.get();
            }
            return sends.size();
        }
    }

    /** The event as the platform's producers put it on the topic: CloudEvents headers, JSON payload. */
    static <T> ProducerRecord<String, byte[]> record(EventType<T> type, String key, String bureau, T payload) {
        var record = new ProducerRecord<String, byte[]>(type.topic(), key, EventJson.write(payload));
        record.headers()
                .add("ce_specversion", bytes("1.0"))
                .add("ce_id", bytes(UUID.randomUUID().toString()))
                .add("ce_type", bytes(type.type()))
                .add("ce_source", bytes(Topics.source(type.topic()).orElseThrow()))
                .add("ce_time", bytes(Instant.now().toString()))
                .add("ce_bureau", bytes(bureau))
                .add("content-type", bytes("application/json"));
        return record;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void progress(String what) {
        System.out.printf("[bench %tT] %s%n", System.currentTimeMillis(), what);
    }
}

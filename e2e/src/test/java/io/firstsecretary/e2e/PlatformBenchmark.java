package io.firstsecretary.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import io.firstsecretary.contracts.EventJson;
import io.firstsecretary.contracts.Events;
import io.firstsecretary.contracts.Topics;
import io.firstsecretary.contracts.assessment.ObligationFulfilled;
import io.firstsecretary.infra.platform.PlatformOptions;
import io.firstsecretary.infra.platform.RunningPlatform;
import io.firstsecretary.infra.testing.ApiClient;
import io.firstsecretary.infra.testing.PlatformCredentials;
import io.firstsecretary.infra.testing.TopicProbe;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code make bench}: the whole embedded platform measured against the machine's raw limits in one
 * run: start-up time and resident memory; the broker's produce and consume rates (1 KB records) and
 * the store's single-document and bulk upsert rates; sustained ingest through the gateway with the
 * assessment service's consumer lag; the latency from an activity's 201 to its obligation's
 * {@code obligation-fulfilled} at a steady 50 activities/s; and reads of obligations and rankings
 * against the same answer aggregated from the raw activities. Prints a table and writes
 * {@code bench-results.json} and {@code bench-latency.png} at the repository root. {@code
 * -Dbench.quick=true} ({@code make bench QUICK=1}) runs each phase smaller. Not part of {@code make
 * test}: the name matches neither {@code *Test} nor {@code *IT}.
 */
class PlatformBenchmark {

    static final boolean QUICK = Boolean.getBoolean("bench.quick");
    static final int RAW_RECORDS = QUICK ? 50_000 : 200_000;
    static final int RAW_SINGLE = QUICK ? 2_000 : 10_000;
    static final int RAW_BULK = QUICK ? 20_000 : 100_000;
    static final int INGEST = QUICK ? 1_500 : 6_000;
    static final int CLIENTS = 8;
    static final String CONSUMER_GROUP = "assessment-service";
    /** Enough that each activity of the steady phase meets an obligation no earlier one met (12 each). */
    static final int FIRST_SECRETARIES = QUICK ? 42 : 130;

    static final Duration STEADY = Duration.ofSeconds(QUICK ? 10 : 30);
    static final int RATE = 50;
    static final int READS = QUICK ? 100 : 300;

    @TempDir
    Path data;

    final Map<String, Object> results = new LinkedHashMap<>();

    @Test
    void measureThePlatform() throws Exception {
        long started = System.nanoTime();
        var options = PlatformOptions.onFreePorts(Path.of(".."), data, false, Map.of());
        progress("starting the embedded platform");
        try (var platform = RunningPlatform.start(options)) {
            record(
                    "startup",
                    Map.of("seconds", seconds(System.nanoTime() - started), "residentMegabytes", residentMegabytes()));
            rawBroker(platform.kafkaBootstrapServers());
            rawStore(platform.mongoConnectionString());
            var api = new ApiClient(
                    platform.gatewayUrl(), PlatformCredentials.of(platform).operator());
            var secretaries = organisation(api);
            ingest(platform, api);
            latency(platform, api, secretaries);
            reads(platform, api);
            record("afterLoad", Map.of("residentMegabytes", residentMegabytes()));
        }
        record("targets", targets());
        results.put("quick", QUICK);
        results.put("measuredAt", Instant.now().toString());
        results.put("cores", Runtime.getRuntime().availableProcessors());
        Path root = Path.of("..").toAbsolutePath().normalize();
        Files.writeString(
                root.resolve("bench-results.json"),
                JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(results));
        System.out.println(table());
        progress("wrote bench-results.json and bench-latency.png in " + root);
    }

    private void rawBroker(String bootstrap) throws Exception {
        progress("raw broker: producing and consuming " + RAW_RECORDS + " records of 1 KB");
        String topic = "firstsec.bench.raw";
        try (var admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        var producerProps = new Properties();
        producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        producerProps.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        producerProps.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        byte[] value = new byte[1024];
        Arrays.fill(value, (byte) 'x');
        long produceNanos;
        try (var producer = new KafkaProducer<>(producerProps, new StringSerializer(), new ByteArraySerializer())) {
            long t = System.nanoTime();
            for (int i = 0; i < RAW_RECORDS; i++) {
                producer.send(new ProducerRecord<>(topic, Integer.toString(i), value));
            }
            producer.flush();
            produceNanos = System.nanoTime() - t;
        }
        var consumerProps = new Properties();
        consumerProps.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID());
        consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerProps.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        long consumed = 0;
        long consumeNanos;
        try (var consumer = new KafkaConsumer<>(consumerProps, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long t = System.nanoTime();
            while (consumed < RAW_RECORDS) {
                consumed += consumer.poll(Duration.ofMillis(500)).count();
            }
            consumeNanos = System.nanoTime() - t;
        }
        record(
                "rawBroker",
                Map.of(
                        "records", RAW_RECORDS,
                        "produceRecordsPerSecond", rate(RAW_RECORDS, produceNanos),
                        "consumeRecordsPerSecond", rate(RAW_RECORDS, consumeNanos)));
    }

    private void rawStore(String connection) {
        progress("raw store: " + RAW_SINGLE + " single and " + RAW_BULK + " bulk upserts");
        try (var client = MongoClients.create(connection)) {
            var collection = client.getDatabase("bench-raw").getCollection("upserts");
            long t = System.nanoTime();
            for (int i = 0; i < RAW_SINGLE; i++) {
                collection.replaceOne(Filters.eq("_id", "s" + i), document(i), new ReplaceOptions().upsert(true));
            }
            long single = System.nanoTime() - t;
            t = System.nanoTime();
            for (int from = 0; from < RAW_BULK; from += 1_000) {
                var batch = new ArrayList<ReplaceOneModel<Document>>();
                for (int i = from; i < Math.min(RAW_BULK, from + 1_000); i++) {
                    batch.add(new ReplaceOneModel<>(
                            Filters.eq("_id", "b" + i), document(i), new ReplaceOptions().upsert(true)));
                }
                collection.bulkWrite(batch);
            }
            long bulk = System.nanoTime() - t;
            record(
                    "rawStore",
                    Map.of(
                            "singleUpsertsPerSecond", rate(RAW_SINGLE, single),
                            "bulkUpsertsPerSecond", rate(RAW_BULK, bulk)));
        }
    }

    private static Document document(int i) {
        return new Document("bureau", "bench")
                .append("branch", "b" + (i % 100))
                .append("type", "TALK")
                .append("count", i)
                .append("evidence", List.of("a" + i));
    }

    /** A bureau with first secretaries, each with a branch and a member to talk to. */
    private List<String> organisation(ApiClient api) throws InterruptedException {
        progress("directory: a bureau with " + FIRST_SECRETARIES + " first secretaries");
        api.post("/api/v1/bureaus", "{\"code\":\"bench\",\"name\":\"基准测试局\",\"level\":\"COUNTY\"}");
        var secretaries = new ArrayList<String>();
        for (int i = 0; i < FIRST_SECRETARIES; i++) {
            String branch = "b" + i;
            api.post("/api/v1/bureaus/bench/branches", "{\"code\":\"" + branch + "\",\"name\":\"支部" + i + "\"}");
            api.post(
                    "/api/v1/bureaus/bench/members",
                    "{\"id\":\"fs" + i + "\",\"name\":\"书记" + i + "\",\"roles\":[\"COMMITTEE_MEMBER\"],\"branch\":\""
                            + branch + "\"}");
            api.post(
                    "/api/v1/bureaus/bench/members",
                    "{\"id\":\"m" + i + "\",\"name\":\"党员" + i + "\",\"branch\":\"" + branch + "\"}");
            api.post(
                    "/api/v1/bureaus/bench/first-secretaries",
                    "{\"member\":\"fs" + i + "\",\"branch\":\"" + branch + "\",\"from\":\"2026-01-01\"}");
            secretaries.add("fs" + i);
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (api.get("/api/v1/bureaus/bench/obligations?size=1")
                        .body()
                        .path("total")
                        .asLong()
                < 26L * FIRST_SECRETARIES) {
            assertThat(System.nanoTime()).as("obligations opened").isLessThan(deadline);
            Thread.sleep(500);
        }
        return secretaries;
    }

    /** Talks logged as fast as {@link #CLIENTS} clients can, with the assessment service's lag sampled. */
    private void ingest(RunningPlatform platform, ApiClient api) throws Exception {
        progress("ingest: " + INGEST + " activities through the gateway from " + CLIENTS + " clients");
        var lagProbe = new TopicProbe(platform.kafkaBootstrapServers());
        var maxLag = new AtomicLong();
        var sampling = new AtomicBoolean(true);
        var sampler = Executors.newSingleThreadExecutor();
        sampler.submit(() -> {
            while (sampling.get()) {
                maxLag.accumulateAndGet(lagProbe.lag(CONSUMER_GROUP, Topics.ACTIVITY), Math::max);
                Thread.sleep(250);
            }
            return null;
        });
        var commandsBefore = storeCommands(platform);
        var pool = Executors.newFixedThreadPool(CLIENTS);
        long t = System.nanoTime();
        var calls = new ArrayList<Future<Map<Integer, Integer>>>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            calls.add(pool.submit(() -> {
                var http = new ApiClient(
                        platform.gatewayUrl(), PlatformCredentials.of(platform).operator());
                var answers = new TreeMap<Integer, Integer>();
                for (int i = 0; i < INGEST / CLIENTS; i++) {
                    int n = (client * INGEST / CLIENTS + i) % FIRST_SECRETARIES;
                    var response = http.post(
                            "/api/v1/bureaus/bench/activities",
                            "{\"type\":\"TALK\",\"branch\":\"b" + n + "\",\"actor\":\"fs" + n
                                    + "\",\"occurredOn\":\"2026-02-0" + (1 + i % 9)
                                    + "\",\"title\":\"谈心谈话\",\"participants\":[\"m" + n + "\"]}");
                    answers.merge(response.status(), 1, Integer::sum);
                    if (response.status() != 201 && answers.get(response.status()) == 1) {
                        progress("ingest: a post answered " + response.status() + ": " + response.body());
                    }
                }
                return answers;
            }));
        }
        var answers = new TreeMap<Integer, Integer>();
        for (var call : calls) {
            call.get().forEach((status, count) -> answers.merge(status, count, Integer::sum));
        }
        int accepted = answers.getOrDefault(201, 0);
        long acceptedNanos = System.nanoTime() - t;
        pool.shutdown();
        while (lagProbe.lag(CONSUMER_GROUP, Topics.ACTIVITY) > 0) {
            Thread.sleep(100);
        }
        long caughtUpNanos = System.nanoTime() - t;
        var commandsAfter = storeCommands(platform);
        long commands = commandsAfter.values().stream()
                        .mapToLong(Long::longValue)
                        .sum()
                - commandsBefore.values().stream().mapToLong(Long::longValue).sum();
        var breakdown = perActivity(commandsBefore, commandsAfter, accepted);
        progress("ingest: store commands per activity by service, command and collection: " + breakdown);
        sampling.set(false);
        sampler.shutdown();
        lagProbe.close();
        record(
                "ingest",
                Map.of(
                        "activities",
                        accepted,
                        "answers",
                        answers,
                        "clients",
                        CLIENTS,
                        "acceptedPerSecond",
                        rate(accepted, acceptedNanos),
                        "projectedPerSecond",
                        rate(accepted, caughtUpNanos),
                        "maxAssessmentLag",
                        maxLag.get(),
                        "storeCommandsPerActivity",
                        (double) commands / accepted,
                        "storeCommandsPerSecond",
                        rate(commands, caughtUpNanos),
                        "storeCommandsPerActivityBy",
                        breakdown));
    }

    /**
     * Commands the services have sent their stores so far, from each one's {@code
     * mongodb.driver.commands} timer, by service, command and collection: what one activity costs
     * the store, which is what limits ingest on the embedded runtime.
     */
    private static Map<String, Long> storeCommands(RunningPlatform platform) {
        var counts = new TreeMap<String, Long>();
        for (var service : platform.databaseOwnerManagementUrls().entrySet()) {
            var actuator = new ApiClient(
                    service.getValue(), PlatformCredentials.of(platform).operator());
            var metric = actuator.get("/actuator/metrics/mongodb.driver.commands");
            assertThat(metric.status())
                    .as(service.getKey() + " store command metric")
                    .isEqualTo(200);
            for (String command : tagValues(metric.body(), "command")) {
                var byCommand = actuator.get("/actuator/metrics/mongodb.driver.commands?tag=command:" + command);
                for (String collection : tagValues(byCommand.body(), "collection")) {
                    var measured = actuator.get("/actuator/metrics/mongodb.driver.commands?tag=command:" + command
                            + "&tag=collection:" + collection);
                    counts.put(service.getKey() + " " + command + " " + collection, count(measured.body()));
                }
            }
        }
        return counts;
    }

    private static List<String> tagValues(JsonNode metric, String tag) {
        var values = new ArrayList<String>();
        for (var available : metric.get("availableTags")) {
            if (available.get("tag").asString().equals(tag)) {
                available.get("values").forEach(v -> values.add(v.asString()));
            }
        }
        return values;
    }

    private static long count(JsonNode metric) {
        for (var measurement : metric.get("measurements")) {
            if (measurement.get("statistic").asString().equals("COUNT")) {
                return (long) measurement.get("value").asDouble();
            }
        }
        return 0;
    }

    /** What each service, command and collection cost per activity between two readings, most first. */
    private static Map<String, Double> perActivity(Map<String, Long> before, Map<String, Long> after, int activities) {
        var per = new LinkedHashMap<String, Double>();
        after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> per.put(e.getKey(), Math.round(100.0 * e.getValue() / activities) / 100.0));
        return per;
    }

    /**
     * A steady {@link #RATE} activities per second, each meeting an obligation no earlier one met (a
     * guidance opinion or report hearing of some quarter, for some first secretary): the time from
     * the 201 to the obligation-fulfilled event that names the activity as evidence.
     */
    private void latency(RunningPlatform platform, ApiClient api, List<String> secretaries) throws Exception {
        int total = (int) (RATE * STEADY.toSeconds());
        progress("latency: " + total + " activities at " + RATE + "/s, each meeting an obligation");
        var answered = new ConcurrentHashMap<String, Long>();
        var fulfilled = new ConcurrentHashMap<String, Long>();
        var listening = new AtomicBoolean(true);
        var listener = Executors.newSingleThreadExecutor();
        var props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-latency-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(Topics.ASSESSMENT));
        while (consumer.assignment().isEmpty()) {
            consumer.poll(Duration.ofMillis(100));
        }
        listener.submit(() -> {
            while (listening.get()) {
                for (var record : consumer.poll(Duration.ofMillis(50))) {
                    long now = System.nanoTime();
                    String type =
                            new String(record.headers().lastHeader("ce_type").value());
                    if (type.equals(Events.OBLIGATION_FULFILLED.type())) {
                        for (String evidence : EventJson.read(record.value(), ObligationFulfilled.class)
                                .evidence()) {
                            fulfilled.putIfAbsent(evidence, now);
                        }
                    }
                }
            }
            consumer.close();
            return null;
        });
        var pool = Executors.newFixedThreadPool(8);
        long start = System.nanoTime();
        var types = List.of("GUIDANCE_OPINION", "REPORT_HEARING", "FOUR_TRUE_RESEARCH");
        var days = List.of("2026-02-10", "2026-05-10", "2026-08-10", "2026-11-10");
        for (int i = 0; i < total; i++) {
            long due = start + i * (1_000_000_000L / RATE);
            while (System.nanoTime() < due) {
                Thread.onSpinWait();
            }
            int fs = i % secretaries.size();
            int slot = i / secretaries.size();
            String type = types.get(slot % types.size());
            String day = days.get(slot / types.size() % days.size());
            pool.submit(() -> {
                var response = api.post(
                        "/api/v1/bureaus/bench/activities",
                        "{\"type\":\"" + type + "\",\"branch\":\"b" + fs + "\",\"actor\":\"fs" + fs
                                + "\",\"occurredOn\":\"" + day + "\",\"title\":\"基准\"}");
                if (response.status() == 201) {
                    answered.put(response.body().get("id").asString(), System.nanoTime());
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(2, TimeUnit.MINUTES);
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!fulfilled.keySet().containsAll(answered.keySet()) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        listening.set(false);
        listener.shutdown();
        var millis = answered.entrySet().stream()
                .filter(e -> fulfilled.containsKey(e.getKey()))
                .mapToDouble(e -> Math.max(0, fulfilled.get(e.getKey()) - e.getValue()) / 1e6)
                .sorted()
                .toArray();
        record(
                "latency",
                Map.of(
                        "ratePerSecond", RATE,
                        "activities", answered.size(),
                        "measured", millis.length,
                        "p50Millis", percentile(millis, 50),
                        "p95Millis", percentile(millis, 95),
                        "p99Millis", percentile(millis, 99),
                        "maxMillis", millis.length == 0 ? 0 : millis[millis.length - 1]));
        chart(millis);
    }

    /** Reads served by the projections against the same counts aggregated from the raw activities. */
    private void reads(RunningPlatform platform, ApiClient api) {
        progress("reads: " + READS + " of each query");
        double obligations = p99(() -> api.get("/api/v1/bureaus/bench/obligations?year=2026&size=100"));
        double rankings = p99(() -> api.get("/api/v1/bureaus/bench/rankings?period=2026"));
        double aggregated;
        try (var client = MongoClients.create(platform.mongoConnectionString())) {
            var activities = client.getDatabase("firstsec-activity").getCollection("activities");
            var pipeline = List.of(
                    new Document("$match", new Document("bureau", "bench")),
                    new Document(
                            "$group",
                            new Document("_id", new Document("actor", "$actor").append("type", "$type"))
                                    .append("count", new Document("$sum", 1))));
            aggregated = p99(() -> activities.aggregate(pipeline).into(new ArrayList<>()));
        }
        record(
                "reads",
                Map.of(
                        "obligationsP99Millis", obligations,
                        "rankingsP99Millis", rankings,
                        "readTimeAggregationP99Millis", aggregated,
                        "aggregationOverObligationsRatio", aggregated / obligations));
    }

    private double p99(Runnable read) {
        double[] millis = new double[READS];
        for (int i = 0; i < READS; i++) {
            long t = System.nanoTime();
            read.run();
            millis[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(millis);
        return percentile(millis, 99);
    }

    private void chart(double[] millis) throws Exception {
        int width = 800;
        int height = 400;
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.DARK_GRAY);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawString("Activity accepted -> obligation fulfilled, " + RATE + "/s: latency by percentile (ms)", 60, 20);
        double max = millis.length == 0 ? 1 : millis[millis.length - 1];
        g.drawLine(60, 360, 780, 360);
        g.drawLine(60, 40, 60, 360);
        for (int p = 0; p <= 100; p += 10) {
            int x = 60 + p * 720 / 100;
            g.drawString(p + "%", x - 10, 378);
        }
        for (int i = 0; i <= 4; i++) {
            int y = 360 - i * 80;
            g.drawString(String.format("%.0f", max * i / 4), 10, y + 4);
        }
        g.setColor(new Color(0xC8102E));
        g.setStroke(new BasicStroke(2));
        for (int i = 1; i < millis.length; i++) {
            int x0 = 60 + (int) ((i - 1) * 720.0 / millis.length);
            int x1 = 60 + (int) (i * 720.0 / millis.length);
            g.drawLine(x0, 360 - (int) (millis[i - 1] / max * 320), x1, 360 - (int) (millis[i] / max * 320));
        }
        g.dispose();
        ImageIO.write(image, "png", Path.of("..").resolve("bench-latency.png").toFile());
    }

    /** Each target of the platform with this run's figure and whether it is met. */
    private Map<String, Object> targets() {
        double commands = figure("ingest", "storeCommandsPerActivity");
        double projected = figure("ingest", "projectedPerSecond");
        double sustained = Math.min(figure("ingest", "acceptedPerSecond"), projected);
        double bulk = figure("rawStore", "bulkUpsertsPerSecond");
        double p99 = figure("latency", "p99Millis");
        double resident = figure("afterLoad", "residentMegabytes");
        var targets = new LinkedHashMap<String, Object>();
        targets.put("storeCommandsPerActivityAtMost4", target(commands, commands <= 4));
        targets.put("projectedAtLeastHalfTheRawBulkRate", target(projected / bulk, projected / bulk >= 0.5));
        targets.put("latencyP99AtMost250Millis", target(p99, p99 <= 250));
        targets.put("sustainedIngestAtLeast500PerSecond", target(sustained, sustained >= 500));
        targets.put("residentAfterLoadBelow3072Megabytes", target(resident, resident < 3072));
        return targets;
    }

    private double figure(String phase, String name) {
        return ((Number) ((Map<?, ?>) results.get(phase)).get(name)).doubleValue();
    }

    private static Map<String, Object> target(double figure, boolean met) {
        return Map.of("figure", Math.round(figure * 100) / 100.0, "met", met);
    }

    private void record(String phase, Map<String, Object> figures) {
        results.put(phase, new LinkedHashMap<>(figures));
        progress(phase + " " + figures);
    }

    private String table() {
        var out = new StringBuilder("\nPlatform benchmark (" + (QUICK ? "quick" : "full") + ", one run, "
                + Runtime.getRuntime().availableProcessors() + " cores)\n");
        results.forEach((phase, figures) -> {
            if (figures instanceof Map<?, ?> map) {
                map.forEach((name, value) -> out.append(String.format(
                        "  %-12s %-32s %s%n",
                        phase, name, value instanceof Double d ? String.format("%.1f", d) : value)));
            }
        });
        return out.toString();
    }

    private static long residentMegabytes() {
        long kb = 0;
        var processes = new ArrayList<ProcessHandle>(List.of(ProcessHandle.current()));
        ProcessHandle.current().descendants().forEach(processes::add);
        for (var process : processes) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                    if (line.startsWith("VmRSS:")) {
                        kb += Long.parseLong(line.replaceAll("\\D", ""));
                    }
                }
            } catch (Exception gone) {
                // the process ended meanwhile
            }
        }
        return kb / 1024;
    }

    private static double percentile(double[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static double rate(long count, long nanos) {
        return count / (nanos / 1e9);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static void progress(String what) {
        System.out.println("[bench " + Instant.now().toString().substring(11, 19) + "] " + what);
    }
}

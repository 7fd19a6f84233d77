package io.firstsecretary.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * Lints and renders the Helm charts with the real Helm engine (helm-java). The charts are copied
 * into a temporary directory and the library chart is packaged into the application chart there
 * ({@code helm dependency update}, offline for a {@code file://} repository), so the source tree
 * stays clean.
 */
class ChartTest {

    private static final List<String> COMPONENTS =
            List.of("gateway", "organisation", "activity", "assessment", "notification");

    private static final Map<String, String> REQUIRED = Map.of(
            "kafka.bootstrapServers", "kafka:9092",
            "mongodb.uri", "mongodb://mongo:27017/?replicaSet=rs0",
            "security.issuerUri", "https://sso.example.cn/realms/firstsec");

    @TempDir
    static Path work;

    static Path chart;

    @BeforeAll
    static void packageLibraryIntoChart() throws IOException {
        // Maven runs tests in the module directory (charts/); an IDE may run them in the repo root.
        Path charts = Files.isDirectory(Path.of("charts", "firstsec")) ? Path.of("charts") : Path.of("");
        copyTree(charts.resolve("firstsec-lib"), work.resolve("firstsec-lib"));
        copyTree(charts.resolve("firstsec"), work.resolve("firstsec"));
        chart = work.resolve("firstsec");
        new Helm(chart).dependency().update().skipRefresh().call();
        assertThat(chart.resolve("charts").resolve("firstsec-lib-0.1.0.tgz")).exists();
    }

    @Test
    void libraryChartLints() {
        LintResult result =
                new Helm(work.resolve("firstsec-lib")).lint().strict().call();

        assertThat(result.isFailed()).as("%s", result.getMessages()).isFalse();
    }

    @Test
    void chartLintsWithRequiredValuesSet() throws IOException {
        // helm-java's lint takes no --set, so lint a copy whose values.yaml carries the required values.
        Path copy = work.resolve("lint").resolve("firstsec");
        copyTree(chart, copy);
        Path valuesFile = copy.resolve("values.yaml");
        String values = Files.readString(valuesFile)
                .replace("bootstrapServers: \"\"", "bootstrapServers: \"kafka:9092\"")
                .replace("uri: \"\"", "uri: \"mongodb://mongo:27017/?replicaSet=rs0\"")
                .replace("issuerUri: \"\"", "issuerUri: \"https://sso.example.cn/realms/firstsec\"");
        assertThat(values).contains("bootstrapServers: \"kafka:9092\"", "uri: \"mongodb://mongo:27017/");
        Files.writeString(valuesFile, values);

        LintResult result = new Helm(copy).lint().strict().call();

        assertThat(result.isFailed()).as("%s", result.getMessages()).isFalse();
        assertThat(result.getMessages()).noneMatch(m -> m.contains("[ERROR]") || m.contains("[WARNING]"));
    }

    @Test
    void rendersADeploymentPerComponentWithProbesLabelsAndWiring() {
        List<Map<String, Object>> docs = render(Map.of());

        assertThat(names(docs, "Deployment"))
                .containsExactlyInAnyOrderElementsOf(
                        COMPONENTS.stream().map(c -> "firstsec-" + c).toList());
        assertThat(names(docs, "Service")).hasSize(COMPONENTS.size());
        for (String component : COMPONENTS) {
            Map<String, Object> deployment = find(docs, "Deployment", "firstsec-" + component);
            Map<String, Object> labels = at(deployment, "spec", "template", "metadata", "labels");
            assertThat(labels)
                    .containsEntry("app.kubernetes.io/part-of", "firstsec")
                    .containsEntry("app.kubernetes.io/component", component)
                    .containsEntry("app.kubernetes.io/instance", "firstsec")
                    .containsKeys(
                            "app.kubernetes.io/name", "app.kubernetes.io/version", "app.kubernetes.io/managed-by");
            assertThat(value(deployment, "spec", "template", "spec", "securityContext", "runAsNonRoot"))
                    .isEqualTo(true);
            Map<String, Object> container = at(deployment, "spec", "template", "spec", "containers", 0);
            assertThat(value(container, "livenessProbe", "httpGet", "path")).isEqualTo("/actuator/health/liveness");
            assertThat(value(container, "readinessProbe", "httpGet", "path")).isEqualTo("/actuator/health/readiness");
            assertThat(value(container, "startupProbe", "httpGet", "path")).isEqualTo("/actuator/health/liveness");
            assertThat(value(container, "readinessProbe", "httpGet", "port")).isEqualTo("management");
            assertThat(value(container, "ports", 1, "containerPort")).isEqualTo(9090);
            Map<String, Object> resources = at(container, "resources");
            assertThat(resources).containsKeys("requests", "limits");
        }

        assertThat(env(docs, "activity"))
                .containsEntry("MANAGEMENT_SERVER_PORT", "9090")
                .containsEntry(
                        "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI",
                        "https://sso.example.cn/realms/firstsec")
                .containsEntry(
                        "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI",
                        "https://sso.example.cn/realms/firstsec/oauth2/jwks")
                .containsEntry("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES", "firstsec")
                .containsEntry("FIRSTSEC_SECURITY_CLAIMS_ROLES", "roles")
                .containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "kafka:9092")
                .containsEntry("SPRING_MONGODB_URI", "mongodb://mongo:27017/firstsec-activity?replicaSet=rs0");
        assertThat(env(docs, "gateway"))
                .containsEntry("FIRSTSEC_ROUTES_ORGANISATION", "http://firstsec-organisation:8081")
                .containsEntry("FIRSTSEC_ROUTES_NOTIFICATION", "http://firstsec-notification:8084")
                .doesNotContainKey("SPRING_MONGODB_URI");
        assertThat(env(docs, "notification"))
                .containsEntry("SPRING_MAIL_HOST", "smtp.example.cn")
                .containsEntry("SPRING_MAIL_PORT", "25")
                .containsEntry("FIRSTSEC_NOTIFICATION_LINK_BASE", "https://firstsec.example.cn")
                .doesNotContainKey("SPRING_MAIL_USERNAME");
        assertThat(kinds(docs))
                .doesNotContain("HorizontalPodAutoscaler", "PodDisruptionBudget", "NetworkPolicy", "ServiceMonitor");
    }

    @Test
    void rendersAutoscalingDisruptionBudgetNetworkPolicyAndMetricsWhenEnabled() {
        List<Map<String, Object>> docs = render(Map.of(
                "organisation.autoscaling.enabled", true,
                "organisation.pdb.enabled", true,
                "networkPolicy.enabled", true,
                "metrics.serviceMonitor.enabled", true));

        Map<String, Object> hpa = find(docs, "HorizontalPodAutoscaler", "firstsec-organisation");
        assertThat(hpa).containsEntry("apiVersion", "autoscaling/v2");
        assertThat(value(hpa, "spec", "scaleTargetRef", "name")).isEqualTo("firstsec-organisation");
        assertThat(find(docs, "PodDisruptionBudget", "firstsec-organisation")).containsEntry("apiVersion", "policy/v1");
        assertThat(names(docs, "HorizontalPodAutoscaler")).containsExactly("firstsec-organisation");
        Map<String, Object> deploymentSpec = at(find(docs, "Deployment", "firstsec-organisation"), "spec");
        assertThat(deploymentSpec).doesNotContainKey("replicas");

        assertThat(names(docs, "NetworkPolicy")).hasSize(COMPONENTS.size());
        List<Object> from = at(find(docs, "NetworkPolicy", "firstsec-activity"), "spec", "ingress", 0, "from");
        assertThat(value(from, 0, "podSelector", "matchLabels", "app.kubernetes.io/component"))
                .isEqualTo("gateway");

        assertThat(names(docs, "ServiceMonitor")).hasSize(COMPONENTS.size());
        assertThat(value(find(docs, "ServiceMonitor", "firstsec-assessment"), "spec", "endpoints", 0, "path"))
                .isEqualTo("/actuator/prometheus");
    }

    @Test
    void pointsEveryServiceAtTheIssuerAndClaimsItIsGiven() {
        List<Map<String, Object>> docs = render(Map.of(
                "security.jwkSetUri", "https://sso.example.cn/realms/firstsec/protocol/openid-connect/certs",
                "security.claims.roles", "realm_access.roles"));
        for (String component : COMPONENTS.subList(1, COMPONENTS.size())) {
            assertThat(env(docs, component))
                    .containsEntry(
                            "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI",
                            "https://sso.example.cn/realms/firstsec/protocol/openid-connect/certs")
                    .containsEntry("FIRSTSEC_SECURITY_CLAIMS_ROLES", "realm_access.roles");
        }
        assertThat(env(docs, "gateway")).doesNotContainKey("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI");
        assertThat(value(find(docs, "Service", "firstsec-assessment"), "spec", "ports", 1, "name"))
                .isEqualTo("management");

        TemplateCommand withoutIssuer = new Helm(chart)
                .template()
                .withName("firstsec")
                .set("kafka.bootstrapServers", "kafka:9092")
                .set("mongodb.uri", "mongodb://mongo:27017");
        assertThatThrownBy(withoutIssuer::call)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("issuerUri");
    }

    @Test
    void refusesToRenderWithoutKafkaBootstrapServers() {
        TemplateCommand template =
                new Helm(chart).template().withName("firstsec").set("mongodb.uri", "mongodb://mongo:27017");

        assertThatThrownBy(template::call)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("kafka.bootstrapServers");
    }

    private static List<Map<String, Object>> render(Map<String, Object> values) {
        TemplateCommand template =
                new Helm(chart).template().withName("firstsec").withNamespace("firstsec");
        REQUIRED.forEach(template::set);
        values.forEach(template::set);
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Object doc : new Yaml().loadAll(template.call())) {
            if (doc != null) {
                docs.add(at(doc));
            }
        }
        return docs;
    }

    private static List<String> kinds(List<Map<String, Object>> docs) {
        return docs.stream().map(d -> (String) d.get("kind")).toList();
    }

    private static List<String> names(List<Map<String, Object>> docs, String kind) {
        return docs.stream()
                .filter(d -> kind.equals(d.get("kind")))
                .map(d -> (String) at(d, "metadata", "name"))
                .toList();
    }

    private static Map<String, Object> find(List<Map<String, Object>> docs, String kind, String name) {
        return docs.stream()
                .filter(d -> kind.equals(d.get("kind")) && name.equals(at(d, "metadata", "name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in " + kinds(docs)));
    }

    private static Map<String, Object> env(List<Map<String, Object>> docs, String component) {
        List<Map<String, Object>> env = at(
                find(docs, "Deployment", "firstsec-" + component), "spec", "template", "spec", "containers", 0, "env");
        Map<String, Object> byName = new LinkedHashMap<>();
        env.forEach(e -> byName.put((String) e.get("name"), e.get("value")));
        return byName;
    }

    private static Object value(Object node, Object... path) {
        return at(node, path);
    }

    /** Walks a parsed YAML tree by map keys and list indexes. */
    @SuppressWarnings("unchecked")
    private static <T> T at(Object node, Object... path) {
        for (Object key : path) {
            node = key instanceof Integer index ? ((List<?>) node).get(index) : ((Map<?, ?>) node).get(key);
        }
        return (T) node;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }
}

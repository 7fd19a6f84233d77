package io.firstsecretary.contracts;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class ContractsTest {

    /**
     * Schemas refer to each other relative to their {@code $id}s (ActivityCorrected embeds
     * ActivityLogged), so those ids are resolved from the classpath rather than fetched.
     */
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            registry -> registry.schemaRegistryConfig(SchemaRegistryConfig.builder()
                            .formatAssertionsEnabled(true)
                            .build())
                    .schemaIdResolvers(
                            ids -> ids.mapPrefix("https://firstsecretary.io/schemas/", "classpath:schemas/")));

    static Stream<Named<EventType<?>>> events() {
        return Events.ALL.stream().map(event -> Named.<EventType<?>>of(event.type(), event));
    }

    @ParameterizedTest
    @MethodSource("events")
    void schemaAndExampleAreOnTheClasspath(EventType<?> event) {
        assertThat(ContractsTest.class.getClassLoader().getResource(event.schemaResource()))
                .isNotNull();
        assertThat(ContractsTest.class.getClassLoader().getResource(event.exampleResource()))
                .isNotNull();
    }

    @ParameterizedTest
    @MethodSource("events")
    void schemaIsADraft202012SchemaOfExactlyTheRecordComponents(EventType<?> event) {
        String schema = resource(event.schemaResource());
        Schema metaSchema = SCHEMAS.getSchema(SchemaLocation.of(SpecificationVersion.DRAFT_2020_12.getDialectId()));
        assertThat(metaSchema.validate(schema, InputFormat.JSON)).isEmpty();

        JsonNode tree = tree(schema);
        List<String> components = Arrays.stream(event.payload().getRecordComponents())
                .map(RecordComponent::getName)
                .toList();
        assertThat(tree.get("$id").asString()).isEqualTo("https://firstsecretary.io/" + event.schemaResource());
        assertThat(tree.get("properties").propertyNames()).containsExactlyInAnyOrderElementsOf(components);
        assertThat(required(event)).isNotEmpty().isSubsetOf(components);
    }

    @ParameterizedTest
    @MethodSource("events")
    void exampleParsesIntoItsRecordWhichSerialisesToAValidDocument(EventType<?> event) {
        String example = resource(event.exampleResource());
        Object record = EventJson.read(example.getBytes(UTF_8), event.payload());
        String json = new String(EventJson.write(record), UTF_8);

        assertThat(record).isInstanceOf(event.payload());
        assertThat(errors(event, json)).isEmpty();
        assertThat(tree(json)).isEqualTo(tree(example));
    }

    @ParameterizedTest
    @MethodSource("events")
    void exampleIsValid(EventType<?> event) {
        assertThat(errors(event, resource(event.exampleResource()))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("events")
    void exampleWithoutARequiredFieldIsInvalid(EventType<?> event) {
        ObjectNode example = (ObjectNode) tree(resource(event.exampleResource()));
        for (String field : required(event)) {
            ObjectNode incomplete = example.deepCopy();
            incomplete.remove(field);
            assertThat(errors(event, write(incomplete)))
                    .as(field)
                    .extracting(Error::getProperty)
                    .contains(field);
        }
    }

    @ParameterizedTest
    @MethodSource("events")
    void exampleWithOnlyTheRequiredFieldsIsValidAndParses(EventType<?> event) {
        ObjectNode minimal = ((ObjectNode) tree(resource(event.exampleResource()))).retain(required(event));
        assertThat(errors(event, write(minimal))).isEmpty();
        assertThat(EventJson.read(write(minimal).getBytes(UTF_8), event.payload()))
                .isNotNull();
    }

    static Stream<Arguments> invalidActivityValues() {
        return Stream.of(
                Arguments.of("occurredOn", "\"2026-02-30\""),
                Arguments.of("loggedAt", "\"12/03/2026 16:30\""),
                Arguments.of("type", "\"DINNER\""),
                Arguments.of("branch", "\"zgnf/1\""),
                Arguments.of("bureauPath", "[]"),
                Arguments.of("participants", "[\"zhoumin\", \"zhoumin\"]"),
                Arguments.of("title", "\"\""));
    }

    @ParameterizedTest
    @MethodSource("invalidActivityValues")
    void activityWithAnInvalidValueIsInvalid(String field, String value) {
        ObjectNode example = (ObjectNode) tree(resource(Events.ACTIVITY_LOGGED.exampleResource()));
        example.set(field, tree(value));
        assertThat(errors(Events.ACTIVITY_LOGGED, write(example))).isNotEmpty();
    }

    static Stream<Arguments> invalidCorrectionValues() {
        return Stream.of(
                Arguments.of("/revision", "0"),
                Arguments.of("/changed", "[]"),
                Arguments.of("/reason", "\"\""),
                Arguments.of("/activity", "{}"),
                Arguments.of("/activity/type", "\"DINNER\""),
                Arguments.of("/activity/occurredOn", "\"2026-02-30\""),
                Arguments.of("/activity/audience", "[\"lixia\", \"lixia\"]"));
    }

    @ParameterizedTest
    @MethodSource("invalidCorrectionValues")
    void correctionWithAnInvalidValueIsInvalid(String pointer, String value) {
        ObjectNode example = (ObjectNode) tree(resource(Events.ACTIVITY_CORRECTED.exampleResource()));
        int last = pointer.lastIndexOf('/');
        ((ObjectNode) example.at(pointer.substring(0, last))).set(pointer.substring(last + 1), tree(value));
        assertThat(errors(Events.ACTIVITY_CORRECTED, write(example))).isNotEmpty();
    }

    @Test
    void typesAreUniqueVersionedAndFoundByType() {
        assertThat(Events.ALL)
                .extracting(EventType::type)
                .doesNotHaveDuplicates()
                .allSatisfy(type -> assertThat(type).startsWith("firstsec.").endsWith(".v1"));
        assertThat(Events.ALL).extracting(EventType::contract).doesNotHaveDuplicates();
        for (EventType<?> event : Events.ALL) {
            assertThat(Events.byType(event.type())).containsSame(event);
            assertThat(event.topic()).isEqualTo("firstsec." + event.type().split("\\.")[1] + ".v1");
        }
        assertThat(Events.byType("firstsec.unknown.v1")).isEmpty();
    }

    @Test
    void asyncApiDocumentsEveryTopicTypeAndSchema() {
        String asyncApi = resource("asyncapi.yaml");
        assertThat(asyncApi)
                .contains(Topics.ORGANISATION, Topics.ACTIVITY, Topics.ASSESSMENT, Topics.NOTIFICATION)
                .contains("firstsec.<consumer-group>.dlt");
        for (EventType<?> event : Events.ALL) {
            assertThat(asyncApi).contains(event.type(), event.topic(), "./" + event.schemaResource());
        }
    }

    private static List<Error> errors(EventType<?> event, String json) {
        return SCHEMAS.getSchema(resource(event.schemaResource()), InputFormat.JSON)
                .validate(json, InputFormat.JSON);
    }

    private static List<String> required(EventType<?> event) {
        return tree(resource(event.schemaResource()))
                .get("required")
                .valueStream()
                .map(JsonNode::asString)
                .toList();
    }

    private static JsonNode tree(String json) {
        return EventJson.mapper().readTree(json);
    }

    private static String write(JsonNode node) {
        return EventJson.mapper().writeValueAsString(node);
    }

    private static String resource(String path) {
        try (InputStream in = ContractsTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.firstsecretary.contracts;

/**
 * One kind of event on the wire: its CloudEvents {@code type}, the topic it travels on, the Java
 * record of its payload and the name of its JSON Schema and example under {@code schemas/} and
 * {@code examples/}.
 */
public record EventType<T>(String type, String topic, Class<T> payload, String contract) {

    public String schemaResource() {
        return "schemas/" + contract + ".v1.schema.json";
    }

    public String exampleResource() {
        return "examples/" + contract + ".v1.json";
    }
}

package io.firstsecretary.infra.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Lints an OpenAPI document with the rules Redocly's recommended set counts as errors, and with what
 * this platform promises of its documents: a real title and version, the gateway as the only
 * server, a summary, a success and a client error for every operation, problem documents for every
 * error, and no {@code *}{@code /*} media type. Each problem is one line naming the operation.
 */
public final class ApiDocumentLint {

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch");
    private static final Pattern TEMPLATE = Pattern.compile("\\{([^}]+)}");
    private static final Pattern URL_SAFE = Pattern.compile("[A-Za-z0-9_.~-]+");

    private final JsonNode document;
    private final List<String> problems = new ArrayList<>();

    private ApiDocumentLint(JsonNode document) {
        this.document = document;
    }

    /** The problems of {@code document}, served through {@code gateway}; empty when it is sound. */
    public static List<String> problems(JsonNode document, String gateway) {
        var lint = new ApiDocumentLint(document);
        lint.check(gateway);
        return List.copyOf(lint.problems);
    }

    private void check(String gateway) {
        if (!document.path("openapi").asString("").startsWith("3.")) {
            problems.add("openapi: not an OpenAPI 3 document");
        }
        String title = document.path("info").path("title").asString("");
        if (title.isBlank() || title.equals("OpenAPI definition")) {
            problems.add("info.title: the default \"" + title + "\"");
        }
        String version = document.path("info").path("version").asString("");
        if (version.isBlank() || version.equals("v0")) {
            problems.add("info.version: the default \"" + version + "\"");
        }
        var servers = new ArrayList<String>();
        document.path("servers")
                .forEach(server -> servers.add(server.path("url").asString("")));
        if (!servers.equals(List.of(gateway))) {
            problems.add("servers: " + servers + " instead of the gateway " + gateway);
        }
        JsonNode schemes = document.path("components").path("securitySchemes");
        security("security", document.path("security"), schemes);
        refs("", document);
        var templates = new HashMap<String, String>();
        var operationIds = new HashSet<String>();
        for (var path : document.path("paths").properties()) {
            String name = path.getKey();
            if (name.length() > 1 && name.endsWith("/")) {
                problems.add(name + ": ends with a slash");
            }
            String shape = TEMPLATE.matcher(name).replaceAll("{}");
            String same = templates.putIfAbsent(shape, name);
            if (same != null) {
                problems.add(name + ": identical to " + same + " (the same paths match both)");
            }
            for (String method : METHODS) {
                JsonNode operation = path.getValue().get(method);
                if (operation != null) {
                    operation(
                            method.toUpperCase() + " " + name, name, path.getValue(), operation, schemes, operationIds);
                }
            }
        }
    }

    private void operation(
            String where, String path, JsonNode item, JsonNode operation, JsonNode schemes, Set<String> operationIds) {
        if (operation.path("summary").asString("").isBlank()) {
            problems.add(where + ": no summary");
        }
        String id = operation.path("operationId").asString("");
        if (id.isEmpty()) {
            problems.add(where + ": no operationId");
        } else if (!operationIds.add(id)) {
            problems.add(where + ": operationId " + id + " is not unique");
        } else if (!URL_SAFE.matcher(id).matches()) {
            problems.add(where + ": operationId " + id + " is not URL-safe");
        }
        parameters(where, path, item, operation);
        security(where + " security", operation.path("security"), schemes);
        var codes = new TreeSet<String>();
        for (var response : operation.path("responses").properties()) {
            String code = response.getKey();
            codes.add(code);
            var types = new ArrayList<String>();
            response.getValue().path("content").properties().forEach(c -> types.add(c.getKey()));
            if (types.contains("*/*")) {
                problems.add(where + " " + code + ": answers */*");
            }
            if ((code.startsWith("4") || code.startsWith("5")) && !types.equals(List.of("application/problem+json"))) {
                problems.add(where + " " + code + ": an error as " + types + ", not application/problem+json");
            }
        }
        operation.path("requestBody").path("content").properties().forEach(c -> {
            if (c.getKey().equals("*/*")) {
                problems.add(where + ": takes */*");
            }
        });
        if (codes.stream().noneMatch(c -> c.startsWith("2") || c.startsWith("3"))) {
            problems.add(where + ": no success response " + codes);
        }
        if (codes.stream().noneMatch(c -> c.startsWith("4"))) {
            problems.add(where + ": no client error response " + codes);
        }
    }

    /** Every template variable is a path parameter, every path parameter a template variable, each once. */
    private void parameters(String where, String path, JsonNode item, JsonNode operation) {
        var declared = new HashSet<String>();
        var seen = new HashSet<String>();
        for (JsonNode parameter : operation.path("parameters")) {
            String key = parameter.path("in").asString("") + ":"
                    + parameter.path("name").asString("");
            if (!seen.add(key)) {
                problems.add(where + ": parameter " + key + " twice");
            }
        }
        for (JsonNode list : List.of(item.path("parameters"), operation.path("parameters"))) {
            for (JsonNode parameter : list) {
                if (parameter.path("in").asString("").equals("path")) {
                    String name = parameter.path("name").asString("");
                    declared.add(name);
                    if (!parameter.path("required").asBoolean(false)) {
                        problems.add(where + ": path parameter " + name + " is not required");
                    }
                }
            }
        }
        var used = new HashSet<String>();
        Matcher matcher = TEMPLATE.matcher(path);
        while (matcher.find()) {
            used.add(matcher.group(1));
        }
        for (String name : used) {
            if (!declared.contains(name)) {
                problems.add(where + ": {" + name + "} is not a declared parameter");
            }
        }
        for (String name : declared) {
            if (!used.contains(name)) {
                problems.add(where + ": path parameter " + name + " is not in the path");
            }
        }
    }

    private void security(String where, JsonNode requirements, JsonNode schemes) {
        for (JsonNode requirement : requirements) {
            for (var entry : requirement.properties()) {
                JsonNode scheme = schemes.get(entry.getKey());
                if (scheme == null) {
                    problems.add(where + ": no security scheme " + entry.getKey());
                    continue;
                }
                for (JsonNode scope : entry.getValue()) {
                    boolean known = false;
                    for (var flow : scheme.path("flows").properties()) {
                        known |= flow.getValue().path("scopes").has(scope.asString(""));
                    }
                    if (scheme.path("type").asString("").equals("oauth2") && !known) {
                        problems.add(where + ": scope " + scope.asString("") + " is in no flow of " + entry.getKey());
                    }
                }
            }
        }
    }

    /** Every local {@code $ref} names something the document has. */
    private void refs(String where, JsonNode node) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isString() && ref.asString().startsWith("#/")) {
                JsonNode target = document.at(ref.asString().substring(1));
                if (target.isMissingNode()) {
                    problems.add(where + ": $ref " + ref.asString() + " names nothing");
                }
            }
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                refs(where + "/" + field.getKey().replace("~", "~0").replace("/", "~1"), field.getValue());
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                refs(where + "/" + i, node.get(i));
            }
        }
    }
}

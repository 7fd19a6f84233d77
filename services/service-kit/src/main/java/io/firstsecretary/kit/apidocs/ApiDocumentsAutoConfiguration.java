package io.firstsecretary.kit.apidocs;

import io.firstsecretary.kit.security.PublicEndpoint;
import io.firstsecretary.kit.security.Requires;
import io.firstsecretary.kit.security.Scope;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * Makes each service's OpenAPI document say what the API does: its title and version, the gateway
 * as its server, the identity service's OAuth2 flows (so Swagger UI's "Authorize" works), the scope
 * each operation needs, and the RFC 9457 problem every client error answers with.
 */
@AutoConfiguration
@ConditionalOnClass(GlobalOpenApiCustomizer.class)
@EnableConfigurationProperties(ApiDocumentsProperties.class)
public class ApiDocumentsAutoConfiguration {

    static final String OAUTH2 = "oauth2";
    static final String BEARER = "bearer";
    static final String PROBLEM = "Problem";
    static final String PROBLEM_JSON = "application/problem+json";

    /** Says which scope an operation needs, from the {@link Requires} the tenant guard enforces. */
    @Bean
    GlobalOperationCustomizer requiredScopes() {
        return (operation, handler) -> {
            PublicEndpoint open = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), PublicEndpoint.class);
            if (open != null) {
                operation.setSecurity(new ArrayList<>());
                operation.setDescription(join(operation.getDescription(), "No token: " + open.value() + "."));
                return operation;
            }
            Requires requires = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), Requires.class);
            if (requires == null) {
                requires = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), Requires.class);
            }
            if (requires != null) {
                String scope = requires.value().value();
                operation.addExtension("x-required-scope", scope);
                operation.setSecurity(List.of(
                        new SecurityRequirement().addList(OAUTH2, scope), new SecurityRequirement().addList(BEARER)));
                operation.setDescription(join(
                        operation.getDescription(),
                        "Needs `" + scope + "`: a client's scope, or a role that holds it."));
            }
            return operation;
        };
    }

    private static String join(String description, String more) {
        return description == null ? more : description + "\n\n" + more;
    }

    @Bean
    GlobalOpenApiCustomizer truthfulDocument(ApiDocumentsProperties properties) {
        return api -> {
            api.info(new Info()
                    .title(properties.title())
                    .version(properties.version())
                    .description(properties.description()));
            api.servers(List.of(new Server().url(properties.serverUrl()).description("the gateway")));
            if (api.getComponents() == null) {
                api.components(new Components());
            }
            api.getComponents()
                    .addSecuritySchemes(OAUTH2, oauth2(properties.issuer()))
                    .addSecuritySchemes(
                            BEARER,
                            new SecurityScheme()
                                    .type(SecurityScheme.Type.HTTP)
                                    .scheme("bearer")
                                    .bearerFormat("JWT")
                                    .description("An access token from the identity service, pasted"))
                    .addSchemas(PROBLEM, problem());
            api.security(List.of(new SecurityRequirement().addList(OAUTH2), new SecurityRequirement().addList(BEARER)));
            if (api.getPaths() != null) {
                api.getPaths()
                        .forEach((path, item) ->
                                item.readOperationsMap().forEach((method, operation) -> clientErrors(path, operation)));
            }
        };
    }

    /**
     * People sign in with the authorization code and PKCE, integrations with client credentials;
     * both at the identity service, which issues every token the services accept.
     */
    private static SecurityScheme oauth2(String issuer) {
        var clientScopes = new Scopes();
        for (Scope scope : Scope.values()) {
            clientScopes.addString(scope.value(), scope.name().toLowerCase().replace('_', ' '));
        }
        return new SecurityScheme()
                .type(SecurityScheme.Type.OAUTH2)
                .description("The identity service: people log in (their roles decide what they may do), "
                        + "integration clients use their own id and secret")
                .flows(new OAuthFlows()
                        .authorizationCode(new OAuthFlow()
                                .authorizationUrl(issuer + "/oauth2/authorize")
                                .tokenUrl(issuer + "/oauth2/token")
                                .scopes(new Scopes()
                                        .addString("openid", "who you are")
                                        .addString("profile", "your name")))
                        .clientCredentials(new OAuthFlow()
                                .tokenUrl(issuer + "/oauth2/token")
                                .scopes(clientScopes)));
    }

    @SuppressWarnings("rawtypes")
    private static Schema<?> problem() {
        Map<String, Schema> error = new LinkedHashMap<>();
        error.put("field", new StringSchema().description("the field, as in participants[1]"));
        error.put("pointer", new StringSchema().description("RFC 6901 pointer into the request body"));
        error.put("message", new StringSchema());
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("type", new StringSchema().format("uri"));
        properties.put("title", new StringSchema());
        properties.put("status", new IntegerSchema());
        properties.put("detail", new StringSchema());
        properties.put("instance", new StringSchema().format("uri-reference"));
        properties.put("errors", new ArraySchema().items(new ObjectSchema().properties(error)));
        return new ObjectSchema()
                .description("RFC 9457 problem details; errors name the offending fields")
                .properties(properties);
    }

    /**
     * Every operation can answer 401 and 403; one with parameters or a body 400; one naming a
     * resource 404; one taking a body 422. Each client error is a problem document.
     */
    private static void clientErrors(String path, Operation operation) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        boolean body = operation.getRequestBody() != null;
        boolean parameters =
                operation.getParameters() != null && !operation.getParameters().isEmpty();
        if (body || parameters) {
            responses.putIfAbsent("400", new ApiResponse().description("The request is malformed"));
        }
        boolean open =
                operation.getSecurity() != null && operation.getSecurity().isEmpty();
        if (!open) {
            responses.putIfAbsent("401", new ApiResponse().description("No valid token"));
            responses.putIfAbsent(
                    "403", new ApiResponse().description("The token lacks the scope, or the bureau is out of reach"));
        }
        if (path.contains("{")) {
            // a bureau out of the caller's reach answers as one that does not exist
            responses.putIfAbsent("404", new ApiResponse().description("Nothing is there, or not for this caller"));
        }
        if (body) {
            responses.putIfAbsent(
                    "422", new ApiResponse().description("The request is understood but invalid; see errors"));
        }
        responses.forEach((code, response) -> {
            if (code.startsWith("4") || code.startsWith("5")) {
                response.setContent(
                        new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref(PROBLEM))));
            }
        });
        operation.setResponses(responses);
    }
}

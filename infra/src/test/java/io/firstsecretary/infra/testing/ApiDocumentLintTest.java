package io.firstsecretary.infra.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ApiDocumentLintTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String GATEWAY = "http://127.0.0.1:8080";

    private static final String SOUND = """
            {"openapi":"3.1.0","info":{"title":"First Secretary platform: activity API","version":"0.1.0"},
             "servers":[{"url":"http://127.0.0.1:8080"}],
             "security":[{"oauth2":[]}],
             "paths":{"/api/v1/bureaus/{bureau}/activities":{"post":{
               "summary":"Log an activity","operationId":"log",
               "parameters":[{"name":"bureau","in":"path","required":true,"schema":{"type":"string"}}],
               "security":[{"oauth2":["activities:write"]}],
               "requestBody":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/Log"}}}},
               "responses":{"201":{"description":"Logged","content":{"application/json":{}}},
                 "422":{"description":"Invalid","content":{"application/problem+json":{}}}}}}},
             "components":{"schemas":{"Log":{"type":"object"}},
               "securitySchemes":{"oauth2":{"type":"oauth2","flows":{"clientCredentials":{
                 "tokenUrl":"http://127.0.0.1:9000/oauth2/token","scopes":{"activities:write":"write"}}}}}}}
            """;

    @Test
    void aSoundDocumentHasNoProblems() {
        assertThat(ApiDocumentLint.problems(JSON.readTree(SOUND), GATEWAY)).isEmpty();
    }

    /** What springdoc writes when nobody tells it otherwise. */
    @Test
    void theDefaultsAreEachNamed() {
        var document = """
                {"openapi":"3.1.0","info":{"title":"OpenAPI definition","version":"v0"},
                 "servers":[{"url":"http://127.0.0.1:8082","description":"Generated server url"}],
                 "security":[{"bearer":[]}],
                 "paths":{
                  "/imports/{sheet}":{"post":{"operationId":"csv",
                    "parameters":[{"name":"sheet","in":"path","required":true}],
                    "responses":{"200":{"description":"OK","content":{"*/*":{"schema":{"$ref":"#/components/schemas/Result"}}}}}}},
                  "/imports/{id}":{"get":{"operationId":"csv","summary":"Progress",
                    "responses":{"200":{"description":"OK"},"404":{"description":"none","content":{"*/*":{}}}}}}},
                 "components":{}}
                """;

        assertThat(ApiDocumentLint.problems(JSON.readTree(document), GATEWAY))
                .containsExactlyInAnyOrder(
                        "info.title: the default \"OpenAPI definition\"",
                        "info.version: the default \"v0\"",
                        "servers: [http://127.0.0.1:8082] instead of the gateway http://127.0.0.1:8080",
                        "security: no security scheme bearer",
                        "/paths/~1imports~1{sheet}/post/responses/200/content/*~1*/schema:"
                                + " $ref #/components/schemas/Result names nothing",
                        "/imports/{id}: identical to /imports/{sheet} (the same paths match both)",
                        "POST /imports/{sheet}: no summary",
                        "POST /imports/{sheet} 200: answers */*",
                        "POST /imports/{sheet}: no client error response [200]",
                        "GET /imports/{id}: operationId csv is not unique",
                        "GET /imports/{id}: {id} is not a declared parameter",
                        "GET /imports/{id} 404: answers */*",
                        "GET /imports/{id} 404: an error as [*/*], not application/problem+json");
    }

    @Test
    void aScopeNoFlowGrantsIsNamed() {
        var document = SOUND.replace("[\"activities:write\"]", "[\"activities:erase\"]");

        assertThat(ApiDocumentLint.problems(JSON.readTree(document), GATEWAY))
                .containsExactly("POST /api/v1/bureaus/{bureau}/activities security: scope activities:erase"
                        + " is in no flow of oauth2");
    }
}

package io.firstsecretary.kit.apidocs;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What a service's OpenAPI document says of itself ({@code firstsec.openapi.*}).
 *
 * @param title the service's API, as integrators find it in Swagger UI
 * @param description a paragraph under the title
 * @param version the platform's version, from the build
 * @param serverUrl the gateway's public address: every operation is called there, never at a service
 * @param issuer the identity service that issues the tokens, as the browser reaches it
 */
@ConfigurationProperties("firstsec.openapi")
public record ApiDocumentsProperties(
        @DefaultValue("First Secretary platform API") String title,
        @DefaultValue("") String description,
        String version,
        @DefaultValue("http://127.0.0.1:8080") String serverUrl,
        String issuer) {}

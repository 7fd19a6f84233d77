package io.firstsecretary.console;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the console is reached and what it talks to.
 *
 * @param publicUrl the address people use (the gateway's root): the login's return address and the
 *     base of every link the platform sends out
 * @param apiUrl the platform API the console calls with the person's token (the gateway)
 * @param issuerUri the OpenID provider people log in with
 * @param clientId the console's client at that provider: a public client using PKCE
 * @param settleTimeout how long the page keeps asking after a record is logged before it says the
 *     duty is still being updated
 * @param apiDocsClientId the client Swagger UI signs people in with, to try the API with a token of
 *     their own
 */
@ConfigurationProperties("firstsec.console")
public record ConsoleProperties(
        URI publicUrl, URI apiUrl, URI issuerUri, String clientId, Duration settleTimeout, String apiDocsClientId) {}

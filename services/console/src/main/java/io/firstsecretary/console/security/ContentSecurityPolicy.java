package io.firstsecretary.console.security;

import java.net.URI;

/**
 * What the console's pages may load: scripts and styles of the console alone, forms and requests to
 * the console and the identity service, no framing. A page may add the hash of a style it cannot do
 * without.
 */
public final class ContentSecurityPolicy {

    private ContentSecurityPolicy() {}

    public static String of(URI issuer, String... styleHashes) {
        String origin = issuer.getScheme() + "://" + issuer.getAuthority();
        var styles = new StringBuilder("'self'");
        for (String hash : styleHashes) {
            styles.append(" '").append(hash).append('\'');
        }
        return "default-src 'self'; img-src 'self' data:; style-src " + styles + "; script-src 'self';"
                // Swagger UI redeems its code for a token at the identity service
                + " connect-src 'self' " + origin + ";"
                + " object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self' " + origin;
    }
}

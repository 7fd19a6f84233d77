package io.firstsecretary.kit.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An API operation open without a token, for the reason given; its path must also be listed in
 * the service's {@code firstsec.security.public-paths}, so the resource server lets it through.
 * The authorization matrix expects exactly these operations to answer anonymous callers.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface PublicEndpoint {

    /** Why the operation needs no token, and what protects it instead. */
    String value();
}

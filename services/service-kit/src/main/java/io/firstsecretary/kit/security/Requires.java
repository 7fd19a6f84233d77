package io.firstsecretary.kit.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The scope an API operation needs. An operation under {@code /api/} without it answers 403 to
 * everyone: the {@link TenantGuard} denies what nobody declared.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Requires {

    Scope value();
}

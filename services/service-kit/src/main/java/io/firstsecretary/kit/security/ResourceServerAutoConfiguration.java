package io.firstsecretary.kit.security;

import jakarta.servlet.DispatcherType;
import java.time.Duration;
import java.util.List;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Makes a service an OAuth2 resource server: every request carries a JWT from the configured issuer,
 * signed by a key of its JWKS and meant for the platform's audience, except the health probes and
 * the paths a service names in {@code firstsec.security.public-paths}. The {@link TenantGuard}
 * then checks each API operation. Settings are Spring Boot's own
 * ({@code spring.security.oauth2.resourceserver.jwt.*}) plus the claim names
 * ({@code firstsec.security.claims.*}).
 */
@AutoConfiguration(
        beforeName = {
            "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
            "org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerJwtAutoConfiguration"
        })
@ConditionalOnClass(JwtDecoder.class)
public class ResourceServerAutoConfiguration {

    static {
        // the caller comes from the token, never from the request: it is no parameter of the API
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Bean
    @ConditionalOnMissingBean
    JwtDecoder jwtDecoder(
            @Value("${spring.security.oauth2.resourceserver.jwt.jwk-set-uri}") String jwkSetUri,
            @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuer,
            @Value("${spring.security.oauth2.resourceserver.jwt.audiences}") List<String> audiences,
            @Value("${firstsec.security.clock-skew:PT60S}") Duration clockSkew) {
        var decoder = NimbusJwtDecoder.withJwkSetUri(jwkSetUri).build();
        OAuth2TokenValidator<Jwt> audience = new JwtClaimValidator<List<String>>(
                JwtClaimNames.AUD, aud -> aud != null && aud.stream().anyMatch(audiences::contains));
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                new JwtTimestampValidator(clockSkew), new JwtIssuerValidator(issuer), audience));
        return decoder;
    }

    @Bean
    TokenClaims tokenClaims(
            @Value("${firstsec.security.claims.bureau:bureau}") String bureau,
            @Value("${firstsec.security.claims.member:member}") String member,
            @Value("${firstsec.security.claims.roles:roles}") String roles) {
        return new TokenClaims(bureau, member, roles);
    }

    /** The API's filter chain; a service with pages of its own (the login form) orders its chains first. */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE - 10)
    SecurityFilterChain resourceServerFilterChain(
            HttpSecurity http,
            TokenClaims claims,
            @Value("${firstsec.security.public-paths:}") List<String> publicPaths) {
        var problems = new ProblemResponses();
        http.authorizeHttpRequests(requests -> {
                    requests.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
                    requests.requestMatchers("/actuator/health", "/actuator/health/**")
                            .permitAll();
                    if (!publicPaths.isEmpty()) {
                        requests.requestMatchers(publicPaths.toArray(String[]::new))
                                .permitAll();
                    }
                    requests.requestMatchers("/actuator/**").hasAuthority("SCOPE_" + Scope.OPERATE.value());
                    requests.anyRequest().authenticated();
                })
                .oauth2ResourceServer(server -> server.jwt(jwt -> jwt.jwtAuthenticationConverter(
                                token -> new Callers.CallerToken(token, claims.caller(token))))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(
                        handling -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // bearer tokens, not cookies, authenticate the API: there is no session to forge requests into
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    @Bean
    TenantGuard tenantGuard(BureauTree tree) {
        return new TenantGuard(tree);
    }

    @Bean
    WebMvcConfigurer tenantGuardRegistration(TenantGuard guard) {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(guard).addPathPatterns("/api/**");
            }

            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerArgument());
            }
        };
    }

    /** Lets an operation take the {@link Caller} as a parameter. */
    static final class CallerArgument implements HandlerMethodArgumentResolver {

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return parameter.getParameterType() == Caller.class;
        }

        @Override
        public Object resolveArgument(
                MethodParameter parameter,
                ModelAndViewContainer container,
                NativeWebRequest request,
                WebDataBinderFactory binders) {
            return Callers.current();
        }
    }
}

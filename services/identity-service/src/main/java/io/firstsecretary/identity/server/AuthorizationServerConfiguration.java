package io.firstsecretary.identity.server;

import io.firstsecretary.identity.account.Account;
import io.firstsecretary.identity.account.Accounts;
import io.firstsecretary.identity.client.Clients;
import io.firstsecretary.kit.security.Role;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * The authorization server's endpoints ({@code /oauth2/*}, OpenID discovery, {@code /userinfo}) and
 * the login form people reach from them. The API of the service ({@code /api/**}) is a resource
 * server like every other service's, through the kit.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfiguration {

    /**
     * The browser asks before it redeems a code across origins; the token endpoint matches POST
     * alone, so the question is answered here.
     */
    @Bean
    @Order(0)
    SecurityFilterChain tokenEndpointPreflight(HttpSecurity http, CorsConfigurationSource tokenEndpointCors) {
        http.securityMatcher(request -> CorsUtils.isPreFlightRequest(request)
                        && request.getRequestURI().startsWith("/oauth2/"))
                .cors(cors -> cors.configurationSource(tokenEndpointCors))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerFilterChain(HttpSecurity http, CorsConfigurationSource tokenEndpointCors) {
        var authorizationServer = new OAuth2AuthorizationServerConfigurer();
        http.securityMatcher(authorizationServer.getEndpointsMatcher())
                .with(authorizationServer, server -> server.oidc(Customizer.withDefaults()))
                .cors(cors -> cors.configurationSource(tokenEndpointCors))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .exceptionHandling(handling -> handling.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"),
                        new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
        return http.build();
    }

    /**
     * Swagger UI, a page of the console at the gateway's address, redeems its code for a token from
     * the browser: the token endpoint answers that origin, and no other, across origins.
     */
    @Bean
    CorsConfigurationSource tokenEndpointCors(
            @Value("${firstsec.identity.cors.allowed-origins:http://127.0.0.1:8080}") List<String> origins) {
        var cors = new CorsConfiguration();
        cors.setAllowedOrigins(origins);
        cors.setAllowedMethods(List.of("POST"));
        cors.setAllowedHeaders(List.of("Content-Type", "Accept", "X-Requested-With"));
        cors.setAllowCredentials(false);
        var source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/oauth2/token", cors);
        source.registerCorsConfiguration("/oauth2/revoke", cors);
        return source;
    }

    @Bean
    @Order(2)
    SecurityFilterChain loginFilterChain(HttpSecurity http) {
        http.securityMatcher("/login", "/logout", "/identity.css")
                .authorizeHttpRequests(requests -> requests.requestMatchers("/login", "/identity.css")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .formLogin(form -> form.loginPage("/login"))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * What every token says about its caller, in the claims the services read: {@code bureau},
     * {@code roles}, and {@code member} for a person; meant for the platform's audience.
     */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> platformClaims(
            Accounts accounts, Clock clock, @Value("${firstsec.identity.audience:firstsec}") String audience) {
        return context -> {
            boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
            boolean idToken =
                    OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
            if (!accessToken && !idToken) {
                return;
            }
            var claims = context.getClaims();
            if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
                var settings = context.getRegisteredClient().getClientSettings();
                String bureau = settings.getSetting(Clients.BUREAU_SETTING);
                if (bureau != null && !bureau.isEmpty()) {
                    claims.claim("bureau", bureau);
                }
                List<String> roles = settings.getSetting(Clients.ROLES_SETTING);
                claims.claim("roles", roles == null ? List.of() : roles);
                if (context.getAuthorizedScopes().isEmpty()
                        && !context.getRegisteredClient().getScopes().isEmpty()) {
                    claims.claim(
                            "scope", List.copyOf(context.getRegisteredClient().getScopes()));
                }
            } else {
                accounts.find(context.getPrincipal().getName()).ifPresent(account -> person(claims, account, clock));
            }
            if (accessToken) {
                claims.audience(List.of(audience));
            }
        };
    }

    private static void person(JwtClaimsSet.Builder claims, Account account, Clock clock) {
        claims.claim("member", account.member());
        claims.claim("bureau", account.bureau());
        claims.claim("name", account.name());
        claims.claim(
                "roles",
                account.roles(LocalDate.now(clock)).stream().map(Role::name).toList());
    }
}

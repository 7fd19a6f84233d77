package io.firstsecretary.console.security;

import io.firstsecretary.console.ConsoleProperties;
import java.util.HashSet;
import java.util.List;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.client.RestClient;

/**
 * Every page behind the login. People log in at the identity service (authorization code with
 * PKCE, the console being a public client); the tokens stay in the server-side session, never in
 * the browser; logging out ends the identity service's session too. Each role in the ID token
 * becomes an authority, so the office's pages can be closed to everyone else in one place.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSecurityConfiguration {

    /** The actuator, on its own port: health for the probes, the rest for the operator's token alone. */
    @Bean
    @Order(1)
    SecurityFilterChain actuator(HttpSecurity http) {
        http.securityMatcher(EndpointRequest.toAnyEndpoint())
                .authorizeHttpRequests(requests -> requests.requestMatchers(EndpointRequest.to(HealthEndpoint.class))
                        .permitAll()
                        .anyRequest()
                        .hasAuthority("SCOPE_operate"))
                .oauth2ResourceServer(server -> server.jwt(Customizer.withDefaults()))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain console(
            HttpSecurity http, ClientRegistrationRepository registrations, ConsoleProperties properties) {
        var logout = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        logout.setPostLogoutRedirectUri(properties.publicUrl() + "/");
        http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/webjars/**",
                                "/console.css",
                                "/console.js",
                                "/api-docs.js",
                                "/api-docs/oauth2-redirect.html",
                                "/favicon.svg",
                                "/error")
                        .permitAll()
                        .requestMatchers("/office/**")
                        .hasAnyRole(Person.OFFICE, Person.OPERATOR)
                        .anyRequest()
                        .authenticated())
                .oauth2Login(login -> login.loginPage("/oauth2/authorization/" + IssuerRegistration.ID))
                .logout(out -> out.logoutSuccessHandler(logout))
                .headers(headers -> headers.contentSecurityPolicy(
                        csp -> csp.policyDirectives(ContentSecurityPolicy.of(properties.issuerUri()))));
        return http.build();
    }

    @Bean
    ClientRegistrationRepository clientRegistrations(ConsoleProperties properties) {
        return new IssuerRegistration(properties);
    }

    /** The person's tokens live in his or her session, so any replica serving the session can use them. */
    @Bean
    OAuth2AuthorizedClientRepository authorizedClients() {
        return new HttpSessionOAuth2AuthorizedClientRepository();
    }

    @Bean
    OAuth2AuthorizedClientManager authorizedClientManager(
            ClientRegistrationRepository registrations, OAuth2AuthorizedClientRepository clients) {
        var manager = new DefaultOAuth2AuthorizedClientManager(registrations, clients);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode()
                .refreshToken()
                .build());
        return manager;
    }

    /**
     * The platform API as the signed-in person: each call carries his or her access token; a token
     * the API refuses is dropped, so the next page asks the identity service for a new one.
     */
    @Bean
    RestClient platformApi(
            RestClient.Builder builder,
            ConsoleProperties properties,
            OAuth2AuthorizedClientManager manager,
            OAuth2AuthorizedClientRepository clients) {
        var tokens = new OAuth2ClientHttpRequestInterceptor(manager);
        tokens.setClientRegistrationIdResolver(request -> IssuerRegistration.ID);
        tokens.setAuthorizationFailureHandler(OAuth2ClientHttpRequestInterceptor.authorizationFailureHandler(clients));
        return builder.baseUrl(properties.apiUrl().toString())
                .requestInterceptor(tokens)
                .build();
    }

    @Bean
    GrantedAuthoritiesMapper rolesFromIdToken() {
        return authorities -> {
            var mapped = new HashSet<GrantedAuthority>(authorities);
            for (var authority : authorities) {
                if (authority instanceof OidcUserAuthority oidc) {
                    List<String> roles = oidc.getIdToken().getClaimAsStringList("roles");
                    if (roles != null) {
                        roles.forEach(role -> mapped.add(new SimpleGrantedAuthority("ROLE_" + role)));
                    }
                }
            }
            return mapped;
        };
    }
}

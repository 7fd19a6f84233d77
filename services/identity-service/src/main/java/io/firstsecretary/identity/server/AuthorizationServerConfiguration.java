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

/**
 * The authorization server's endpoints ({@code /oauth2/*}, OpenID discovery, {@code /userinfo}) and
 * the login form people reach from them. The API of the service ({@code /api/**}) is a resource
 * server like every other service's, through the kit.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerFilterChain(HttpSecurity http) {
        var authorizationServer = new OAuth2AuthorizationServerConfigurer();
        http.securityMatcher(authorizationServer.getEndpointsMatcher())
                .with(authorizationServer, server -> server.oidc(Customizer.withDefaults()))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .exceptionHandling(handling -> handling.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"),
                        new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
        return http.build();
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

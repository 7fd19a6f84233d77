package io.firstsecretary.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The console's pages against one real HTTP server standing in for the platform API and for OpenID
 * discovery, shared by every page test so that they share one application context too. Before each
 * test the stand-in forgets what it answered and what it was sent, and answers the demo bureau again.
 */
@SpringBootTest
@AutoConfigureMockMvc
abstract class StubbedPages {

    static final StubPlatform API = new StubPlatform();

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) {
        registry.add("firstsec.console.api-url", API::url);
        registry.add("firstsec.console.issuer-uri", API::url);
        registry.add("firstsec.clock.fixed", () -> Demo.TODAY);
    }

    static final RequestPostProcessor FIRST_SECRETARY = person("fs1", "nt", "王军", "FIRST_SECRETARY", "MEMBER");
    static final RequestPostProcessor OFFICE = person("of1", "nt", "刘党建", "PARTY_BUILDING_OFFICE", "MEMBER");

    @Autowired
    MockMvc mvc;

    @BeforeEach
    void resetTheStandIn() {
        API.reset();
        Demo.install(API);
    }

    /** The page a request answers, which must be a 200. */
    Document page(RequestBuilder request) throws Exception {
        MvcResult result = mvc.perform(request).andReturn();
        assertThat(result.getResponse().getStatus())
                .as(result.getResponse().getContentAsString())
                .isEqualTo(200);
        return Jsoup.parse(result.getResponse().getContentAsString());
    }

    /** A person signed in at the identity service, with the access token the console keeps in the session. */
    static RequestPostProcessor person(String member, String bureau, String name, String... roles) {
        return request -> {
            var now = Instant.now();
            var idToken = OidcIdToken.withTokenValue("id-" + member)
                    .subject(member)
                    .issuer(API.url())
                    .claim("member", member)
                    .claim("bureau", bureau)
                    .claim("name", name)
                    .claim("roles", List.of(roles))
                    .issuedAt(now)
                    .expiresAt(now.plusSeconds(3600))
                    .build();
            var authorities = new ArrayList<GrantedAuthority>();
            authorities.add(new OidcUserAuthority(idToken));
            for (String role : roles) {
                authorities.add(new SimpleGrantedAuthority("ROLE_" + role));
            }
            var user = new DefaultOidcUser(authorities, idToken, "sub");
            var authentication = new OAuth2AuthenticationToken(user, authorities, "identity");
            var registration = ClientRegistration.withRegistrationId("identity")
                    .clientId("console")
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .redirectUri("http://127.0.0.1:8080/login/oauth2/code/identity")
                    .authorizationUri(API.url() + "/oauth2/authorize")
                    .tokenUri(API.url() + "/oauth2/token")
                    .build();
            var client = new OAuth2AuthorizedClient(
                    registration,
                    member,
                    new OAuth2AccessToken(
                            OAuth2AccessToken.TokenType.BEARER, "token-" + member, now, now.plusSeconds(3600)));
            new HttpSessionOAuth2AuthorizedClientRepository()
                    .saveAuthorizedClient(client, authentication, request, new MockHttpServletResponse());
            return authentication(authentication).postProcessRequest(request);
        };
    }
}

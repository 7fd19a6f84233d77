package io.firstsecretary.console.security;

import io.firstsecretary.console.ConsoleProperties;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * The console's one client registration, discovered from the issuer's OpenID configuration on first
 * use rather than at start-up, so the console starts (and stays up) while the identity service is
 * still starting or briefly away; a failed discovery is tried again on the next login.
 */
final class IssuerRegistration implements ClientRegistrationRepository {

    static final String ID = "identity";

    private final ConsoleProperties properties;
    private volatile ClientRegistration discovered;

    IssuerRegistration(ConsoleProperties properties) {
        this.properties = properties;
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        if (!ID.equals(registrationId)) {
            return null;
        }
        var registration = discovered;
        if (registration == null) {
            synchronized (this) {
                if (discovered == null) {
                    discovered = discover();
                }
                registration = discovered;
            }
        }
        return registration;
    }

    private ClientRegistration discover() {
        return ClientRegistrations.fromIssuerLocation(properties.issuerUri().toString())
                .registrationId(ID)
                .clientId(properties.clientId())
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(properties.publicUrl() + "/login/oauth2/code/" + ID)
                .scope("openid", "profile")
                .userNameAttributeName("sub")
                .build();
    }
}

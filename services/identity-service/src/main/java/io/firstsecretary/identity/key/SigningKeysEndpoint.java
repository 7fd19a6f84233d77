package io.firstsecretary.identity.key;

import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/signingkeys}: the published keys, and {@code POST} to rotate. An operator
 * endpoint: the platform operator's token only.
 */
@Component
@Endpoint(id = "signingkeys")
class SigningKeysEndpoint {

    private final SigningKeys keys;

    SigningKeysEndpoint(SigningKeys keys) {
        this.keys = keys;
    }

    @ReadOperation
    List<SigningKeys.KeyInfo> keys() {
        return keys.describe();
    }

    @WriteOperation
    Map<String, String> rotate() {
        return Map.of("signing", keys.rotate());
    }
}

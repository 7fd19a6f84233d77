package io.firstsecretary.identity.key;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The keys tokens are signed with, kept in the identity service's store: generated once on an
 * empty store, so tokens stay valid across restarts. {@link #rotate} signs from then on with a new
 * key while the JWKS keeps publishing the previous ones, so tokens already issued still verify until
 * they lapse.
 */
@Component
public class SigningKeys implements JWKSource<SecurityContext> {

    static final String COLLECTION = "signingKeys";

    private final MongoTemplate mongo;
    private final Clock clock;
    private final int published;
    private volatile JWKSet keys;

    SigningKeys(MongoTemplate mongo, Clock clock, @Value("${firstsec.identity.published-keys:3}") int published) {
        this.mongo = mongo;
        this.clock = clock;
        this.published = published;
        if (!mongo.exists(new Query(), COLLECTION)) {
            generate();
        }
        this.keys = load();
    }

    /** Signs with a new key from now on; answers its key id. */
    public synchronized String rotate() {
        String kid = generate();
        keys = load();
        return kid;
    }

    /** The published keys, newest first: the first signs. */
    public List<KeyInfo> describe() {
        var all = stored();
        var info = new ArrayList<KeyInfo>();
        for (int i = 0; i < all.size(); i++) {
            info.add(new KeyInfo(all.get(i).kid(), all.get(i).createdAt(), i == 0));
        }
        return info;
    }

    /**
     * Signing asks for a key of the signing use and gets the newest alone; the JWKS endpoint asks
     * for every key and gets all the published ones.
     */
    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) {
        var matcher = selector.getMatcher();
        boolean signing = matcher.isPrivateOnly()
                || (matcher.getKeyUses() != null && matcher.getKeyUses().contains(KeyUse.SIGNATURE));
        var current = keys;
        if (signing) {
            return selector.select(new JWKSet(current.getKeys().get(0)));
        }
        return selector.select(current);
    }

    private String generate() {
        try {
            String kid = UUID.randomUUID().toString();
            RSAKey key = new RSAKeyGenerator(2048)
                    .keyID(kid)
                    .keyUse(KeyUse.SIGNATURE)
                    .issueTime(java.util.Date.from(clock.instant()))
                    .generate();
            mongo.insert(new StoredKey(kid, key.toJSONString(), clock.instant()), COLLECTION);
            return kid;
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate a signing key", e);
        }
    }

    private JWKSet load() {
        var parsed = new ArrayList<JWK>();
        for (var stored : stored()) {
            try {
                parsed.add(JWK.parse(stored.jwk()));
            } catch (ParseException e) {
                throw new IllegalStateException("Signing key " + stored.kid() + " does not parse", e);
            }
        }
        return new JWKSet(parsed);
    }

    private List<StoredKey> stored() {
        return mongo.find(
                new Query().with(Sort.by(Sort.Direction.DESC, "createdAt")).limit(published),
                StoredKey.class,
                COLLECTION);
    }

    record StoredKey(@Id String kid, String jwk, Instant createdAt) {}

    /** A published key: its id, when it was made, and whether it signs new tokens. */
    public record KeyInfo(String kid, Instant createdAt, boolean signing) {}
}

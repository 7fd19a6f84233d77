package io.firstsecretary.notification.calendar;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * One calendar token per member. Only its SHA-256 is stored, so the store never holds a usable
 * token; issuing a new one revokes the old.
 */
@Repository
class CalendarTokens {

    static final String TOKENS = "calendar_tokens";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MongoTemplate mongo;

    CalendarTokens(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    record Holder(@Id String hash, String bureau, String member, Instant issuedAt) {}

    String issue(String bureau, String member, Instant now) {
        revoke(bureau, member);
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        mongo.insert(new Holder(hash(token), bureau, member, now), TOKENS);
        return token;
    }

    boolean revoke(String bureau, String member) {
        return mongo.remove(
                                Query.query(Criteria.where("bureau")
                                        .is(bureau)
                                        .and("member")
                                        .is(member)),
                                TOKENS)
                        .getDeletedCount()
                > 0;
    }

    Holder holderOf(String token) {
        return mongo.findById(hash(token), Holder.class, TOKENS);
    }

    private static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

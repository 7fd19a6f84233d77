package io.firstsecretary.assessment.facts;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The live generation of the rebuildable projections, kept in the store so every replica follows a
 * switch within {@link #REFRESH}.
 */
@Component
public class Generations implements Generation {

    static final String POINTER = "projection_generation";
    static final Duration REFRESH = Duration.ofSeconds(1);
    private static final String ID = "live";

    private final MongoTemplate mongo;
    private final AtomicReference<Integer> cached = new AtomicReference<>();
    private final AtomicLong readAt = new AtomicLong();

    Generations(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    record Pointer(@Id String id, int number) {}

    @Override
    public int number() {
        long now = System.nanoTime();
        Integer known = cached.get();
        if (known == null || now - readAt.get() > REFRESH.toNanos()) {
            var pointer = mongo.findById(ID, Pointer.class, POINTER);
            known = pointer == null ? 0 : pointer.number();
            cached.set(known);
            readAt.set(now);
        }
        return known;
    }

    /** Makes {@code number} the live generation, here at once and on other replicas within a second. */
    public void switchTo(int number) {
        mongo.save(new Pointer(ID, number), POINTER);
        cached.set(number);
        readAt.set(System.nanoTime());
    }
}

package io.firstsecretary.kit.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The documents this process has just given pending events, in the order they were written, so the
 * relay can read them by id instead of searching every collection for pending events (a search the
 * embedded store answers by reading every document). The relay still searches now and then, which
 * finds what other processes wrote and what a crashed one left behind. Each write wakes the relay,
 * so an event reaches the broker milliseconds after its change, not at the next poll.
 */
public final class OutboxWrites {

    /** Beyond this many unread entries (a relay that is switched off or stuck) they are dropped and the relay searches. */
    static final int LIMIT = 10_000;

    private final ConcurrentSkipListMap<Long, Written> bySequence = new ConcurrentSkipListMap<>();
    private final AtomicBoolean overflowed = new AtomicBoolean();
    private final Semaphore written = new Semaphore(0);
    private final ThreadLocal<Boolean> byThisThread = new ThreadLocal<>();

    void add(String collection, Object id, long sequence) {
        if (bySequence.size() >= LIMIT) {
            bySequence.clear();
            overflowed.set(true);
        }
        bySequence.put(sequence, new Written(collection, id));
        byThisThread.set(Boolean.TRUE);
        if (written.availablePermits() == 0) {
            written.release();
        }
    }

    /** Whether this thread gave a document pending events since it last asked; asking forgets it. */
    public boolean takeWrittenByThisThread() {
        boolean wrote = Boolean.TRUE.equals(byThisThread.get());
        byThisThread.remove();
        return wrote;
    }

    /** Waits until something was written since the last wait, or {@code timeout} passed; whether it was. */
    public boolean awaitWrite(Duration timeout) throws InterruptedException {
        if (written.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
            written.drainPermits();
            return true;
        }
        return false;
    }

    /** Takes up to {@code max} of the oldest entries, each document once. */
    List<Written> drain(int max) {
        var taken = new LinkedHashSet<Written>();
        while (taken.size() < max) {
            Map.Entry<Long, Written> oldest = bySequence.pollFirstEntry();
            if (oldest == null) {
                break;
            }
            taken.add(oldest.getValue());
        }
        return new ArrayList<>(taken);
    }

    /** Forgets every entry: a search of the collections is about to find them. */
    void clear() {
        bySequence.clear();
    }

    /** Whether entries were dropped since the last call, so only a search finds everything. */
    boolean overflowed() {
        return overflowed.getAndSet(false);
    }

    /** A document of {@code collection} that was given pending events. */
    record Written(String collection, Object id) {}
}

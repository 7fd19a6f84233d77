package io.firstsecretary.assessment.obligation;

import io.firstsecretary.assessment.facts.Facts;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Before the service reports ready, lists under their keys the assignments and obligations of a
 * store written before the keyed read models existed; once done, a marker makes it a lookup.
 */
@Component
class ObligationKeysBackfill implements ApplicationRunner {

    private final Facts facts;
    private final ObligationBook book;

    ObligationKeysBackfill(Facts facts, ObligationBook book) {
        this.facts = facts;
        this.book = book;
    }

    @Override
    public void run(ApplicationArguments args) {
        facts.listAssignments();
        book.listObligations();
    }
}

package io.firstsecretary.assessment.obligation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Drives obligations by the clock: overdue marking and the new year's obligations. */
@Component
class ObligationClock {

    private static final Logger log = LoggerFactory.getLogger(ObligationClock.class);

    private final ObligationBook book;

    ObligationClock(ObligationBook book) {
        this.book = book;
    }

    @Scheduled(
            initialDelayString = "${firstsec.obligations.sweep-delay:PT10S}",
            fixedDelayString = "${firstsec.obligations.sweep-every:PT1M}")
    void sweep() {
        int overdue = book.sweep();
        if (overdue > 0) {
            log.info("{} obligations became overdue", overdue);
        }
    }
}

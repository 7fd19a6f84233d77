package io.firstsecretary.assessment.obligation;

import io.firstsecretary.assessment.facts.Facts;
import io.firstsecretary.assessment.facts.Generation;
import io.firstsecretary.assessment.facts.Generations;
import io.firstsecretary.kit.outbox.OutboxCollections;
import java.util.ArrayList;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ObligationOutbox {

    /**
     * The relay publishes from assessment's own records and from the obligations of the live
     * generation and the one before it, whose last events may still be pending after a rebuild.
     */
    @Bean
    OutboxCollections assessmentOutboxCollections(Generations generations) {
        return () -> {
            var names = new ArrayList<String>();
            int live = generations.number();
            names.add(Generation.fixed(live).of(ObligationBook.OBLIGATIONS));
            if (live > 0) {
                names.add(Generation.fixed(live - 1).of(ObligationBook.OBLIGATIONS));
            }
            names.addAll(java.util.List.of(Facts.REVIEWS, Facts.EVALUATIONS, Facts.REPORTS, "rankings"));
            return names;
        };
    }
}

package io.firstsecretary.assessment.obligation;

import io.firstsecretary.assessment.facts.Facts;
import io.firstsecretary.assessment.facts.Generation;
import io.firstsecretary.assessment.facts.Generations;
import io.firstsecretary.kit.outbox.OutboxCollections;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ObligationOutbox {

    /**
     * The relay publishes from assessment's own records and from the obligations of the live
     * generation and the ones before it, whose last events may still be pending after a rebuild
     * (a generation is dropped only once it has none).
     */
    @Bean
    OutboxCollections assessmentOutboxCollections(Generations generations) {
        return () -> {
            var names = new ArrayList<String>();
            int live = generations.number();
            for (int g = live; g >= 0; g--) {
                names.add(Generation.fixed(g).of(ObligationBook.OBLIGATIONS));
            }
            names.addAll(List.of(Facts.REVIEWS, Facts.EVALUATIONS, Facts.REPORTS, "rankings"));
            return names;
        };
    }
}

package io.firstsecretary.activity;

import io.firstsecretary.kit.store.StoreIndex;
import io.firstsecretary.kit.store.StoreIndexes;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the activity service's queries need on MongoDB; the scenarios check that none goes without. */
@Configuration(proxyBeanMethods = false)
class StoreIndexesConfiguration {

    @Bean
    StoreIndexes activityIndexes() {
        return () -> List.of(
                // lists and exports of a bureau, a branch or an actor, by day
                StoreIndex.on("activities", "bureau", "occurredOn"),
                StoreIndex.on("activities", "bureau", "branch", "occurredOn"),
                StoreIndex.on("activities", "bureau", "actor", "occurredOn"),
                // the first secretary of a branch on a day
                StoreIndex.on("directoryAssignments", "bureau", "branch"),
                // a bureau's branches, given its new path
                StoreIndex.on("directoryBranches", "bureau"),
                // attachments' chunks in order (GridFS creates the same index itself)
                new StoreIndex("fs.chunks", List.of("files_id", "n"), true));
    }
}

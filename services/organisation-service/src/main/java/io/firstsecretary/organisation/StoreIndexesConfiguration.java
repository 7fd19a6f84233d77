package io.firstsecretary.organisation;

import io.firstsecretary.kit.store.StoreIndex;
import io.firstsecretary.kit.store.StoreIndexes;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the organisation service's queries need on MongoDB; the scenarios check that none goes without. */
@Configuration(proxyBeanMethods = false)
class StoreIndexesConfiguration {

    @Bean
    StoreIndexes organisationIndexes() {
        return () -> List.of(
                // a bureau's subtree
                StoreIndex.on("bureaus", "path"),
                // members of a bureau by name or branch
                StoreIndex.on("members", "bureau", "name"),
                StoreIndex.on("members", "bureau", "branch"),
                // party groups of a branch
                StoreIndex.on("partyGroups", "bureau", "branch"),
                // first-secretary terms of a bureau, a branch or a member
                StoreIndex.on("assignments", "bureau", "branch", "from"),
                StoreIndex.on("assignments", "bureau", "member"),
                StoreIndex.on("assignments", "member", "from"));
    }
}

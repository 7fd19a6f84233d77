package io.firstsecretary.kit.security;

import java.util.List;
import java.util.Optional;

/**
 * Where a bureau sits in the tree, from the service's own projection of the directory: the codes
 * from the root down to the bureau itself.
 */
@FunctionalInterface
public interface BureauTree {

    Optional<List<String>> pathOf(String bureau);
}

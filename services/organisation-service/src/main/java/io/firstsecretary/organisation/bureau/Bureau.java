package io.firstsecretary.organisation.bureau;

import java.util.List;
import org.springframework.data.annotation.Id;

/**
 * A bureau (局), the tenant. {@code path} holds the codes from the root of the tree down to this
 * bureau and is what events carry for subtree filtering.
 */
public record Bureau(@Id String code, String name, BureauLevel level, String parent, List<String> path) {}

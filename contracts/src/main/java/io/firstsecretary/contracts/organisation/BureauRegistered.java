package io.firstsecretary.contracts.organisation;

import java.util.List;

/**
 * A bureau (局) joined the platform. {@code path} lists the bureau codes from the root of the tree
 * down to this bureau, so consumers can filter a subtree without asking the directory.
 */
public record BureauRegistered(String code, String name, String level, String parent, List<String> path) {}

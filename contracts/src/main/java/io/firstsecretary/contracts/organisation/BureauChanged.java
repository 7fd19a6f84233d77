package io.firstsecretary.contracts.organisation;

import java.util.List;

/**
 * A bureau's name, level or place in the tree changed. Carries the bureau's full state; when a
 * bureau moves, each of its descendants gets one too, with its new {@code path}.
 */
public record BureauChanged(String code, String name, String level, String parent, List<String> path) {}

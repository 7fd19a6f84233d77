package io.firstsecretary.assessment.facts;

import java.util.List;
import org.springframework.data.annotation.Id;

/** A bureau (局) of the tree, with the path of codes from the root down to it. */
public record Bureau(@Id String code, String name, String level, List<String> path) {}

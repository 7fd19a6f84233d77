package io.firstsecretary.assessment.catalogue;

/** A bureau's catalogue changed: obligations of the bureau and the bureaus below it are recomputed. */
public record CatalogueChanged(String bureau) {}

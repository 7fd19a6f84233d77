package io.firstsecretary.organisation.bureau;

/** The administrative level of a bureau (省局 / 市局 / 县区局 …). */
public enum BureauLevel {
    PROVINCIAL,
    MUNICIPAL,
    COUNTY,
    DISTRICT,
    OTHER
}

package io.firstsecretary.assessment.facts;

import org.springframework.data.annotation.Id;

/** A branch (党支部) by name, for reports; {@code dissolved} once it no longer exists. */
public record Branch(@Id String id, String bureau, String code, String name, boolean dissolved) {

    public static String idOf(String bureau, String code) {
        return bureau + "/" + code;
    }
}

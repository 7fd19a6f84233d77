package io.firstsecretary.organisation.branch;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.springframework.data.annotation.Id;

/** A party group (党小组) within a branch. */
public record PartyGroup(@JsonIgnore @Id String key, String bureau, String branch, String code, String name) {

    static String key(String bureau, String branch, String code) {
        return bureau + "/" + branch + "/" + code;
    }
}

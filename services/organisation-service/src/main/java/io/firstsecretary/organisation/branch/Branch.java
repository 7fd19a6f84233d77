package io.firstsecretary.organisation.branch;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.annotation.Id;

/**
 * A party branch (党支部) of a bureau, covering one or more divisions (科/股/室). A merged or
 * dissolved branch is kept, with the day it ended, so history still resolves.
 */
public record Branch(
        @JsonIgnore @Id String key,
        String bureau,
        String code,
        String name,
        List<String> divisions,
        BranchStatus status,
        String mergedInto,
        LocalDate endedOn) {

    static String key(String bureau, String code) {
        return bureau + "/" + code;
    }

    public boolean active() {
        return status == BranchStatus.ACTIVE;
    }
}

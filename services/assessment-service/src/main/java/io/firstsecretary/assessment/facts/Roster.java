package io.firstsecretary.assessment.facts;

import java.util.Map;
import org.springframework.data.annotation.Id;

/** Everyone who was ever a member of one branch, with their histories, in one document. */
record Roster(@Id String id, String bureau, String branch, Map<String, MemberHistory> members) {

    static String idOf(String bureau, String branch) {
        return bureau + "/" + branch;
    }
}

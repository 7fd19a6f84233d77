package io.firstsecretary.assessment.facts;

import java.util.Map;
import org.springframework.data.annotation.Id;

/**
 * One branch's activities of one type and year, in one small document: what deciding an obligation
 * reads, found by id instead of searched for among every activity of the platform.
 */
record Ledger(
        @Id String id, String bureau, String branch, int year, String type, Map<String, RecordedActivity> entries) {

    static String idOf(String bureau, String branch, int year, String type) {
        return bureau + "/" + branch + "/" + year + "/" + type;
    }
}

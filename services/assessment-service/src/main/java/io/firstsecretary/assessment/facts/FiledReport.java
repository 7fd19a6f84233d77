package io.firstsecretary.assessment.facts;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;

/** A monthly bureau-meeting report (每月局务会专题汇报) the party-building office filed. */
public record FiledReport(
        @Id String id, String bureau, List<String> bureauPath, String month, String filedBy, Instant filedAt) {

    public static String idOf(String bureau, String month) {
        return bureau + ":bureau-meeting:" + month;
    }
}

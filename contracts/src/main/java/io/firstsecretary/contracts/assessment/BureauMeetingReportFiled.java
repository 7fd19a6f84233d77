package io.firstsecretary.contracts.assessment;

import java.time.Instant;
import java.util.List;

/** The party-building office filed the month's bureau-meeting report (每月局务会专题汇报). */
public record BureauMeetingReportFiled(
        String id, String bureau, List<String> bureauPath, String month, String filedBy, Instant filedAt) {}

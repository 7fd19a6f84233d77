package io.firstsecretary.activity.activity;

/**
 * What kind of work an activity records. Where one activity fulfils a duty of the catalogue, the
 * type is the duty's code.
 */
public enum ActivityType {
    /** 对支部党建工作提出指导意见. */
    GUIDANCE_OPINION,
    /** 听取支部党建情况报告. */
    REPORT_HEARING,
    /** 专题党课辅导. */
    PARTY_LECTURE,
    /** 参加组织生活会. */
    ORG_LIFE_MEETING,
    /** 组织督导检查. */
    SUPERVISION_INSPECTION,
    /** 总结推广一条成功经验. */
    EXPERIENCE_SUMMARY,
    /** “四真”调研. */
    FOUR_TRUE_RESEARCH,
    /** 年初承诺. */
    ANNUAL_COMMITMENT,
    /** 年底述职. */
    YEAR_END_REPORT,
    /** 谈心谈话. */
    TALK,
    /** 支部党员大会. */
    BRANCH_GENERAL_MEETING,
    /** 支委会. */
    BRANCH_COMMITTEE_MEETING,
    /** 党小组会. */
    PARTY_GROUP_MEETING,
    /** 主题党日. */
    THEMED_PARTY_DAY,
    /** 走访企业. */
    SERVICE_VISIT
}

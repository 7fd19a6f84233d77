package io.firstsecretary.organisation.member;

/** What a member is in the organisation; key persons of a branch are identified by these roles. */
public enum Role {
    /** 党委委员: may be appointed first secretary. */
    COMMITTEE_MEMBER,
    /** 支部书记. */
    BRANCH_SECRETARY,
    /** 支委. */
    BRANCH_COMMITTEE,
    /** 党小组组长 of the member's party group. */
    GROUP_LEADER,
    /** 党建办 / 机关党委 staff. */
    PARTY_BUILDING_OFFICE,
    MEMBER
}

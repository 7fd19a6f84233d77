package io.firstsecretary.activity.activity;

/** How far an experience (成功经验) was promoted. */
public enum PromotionLevel {
    BRANCH,
    BUREAU,
    MUNICIPAL,
    PROVINCIAL,
    NATIONAL
}

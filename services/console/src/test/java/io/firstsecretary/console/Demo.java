package io.firstsecretary.console;

/**
 * What the stub API answers for bureau {@code nt} on 2026年8月3日: a first secretary {@code fs1}
 * (王军) of branch {@code b1}, with an open lecture, an overdue guidance opinion, a talk duty with
 * two members not yet talked with, and a met research.
 */
final class Demo {

    static final String TODAY = "2026-08-03T02:00:00Z";
    static final String LECTURE = "o-lecture";
    static final String GUIDANCE = "o-guidance";
    static final String TALKS = "o-talks";
    static final String RESEARCH = "o-research";

    private Demo() {}

    static void install(StubPlatform api) {
        api.json("POST /api/v1/bureaus/nt/activities/attachments", 201, """
                {"id":"att1","name":"讲稿.txt","contentType":"text/plain","size":9}""");
        api.json("GET /api/v1/bureaus/nt/catalogue", 200, """
                {"value":{"version":"2026.1","branchSection":false,"duties":[
                 {"code":"GUIDANCE_OPINION","name":"对支部党建工作提出指导意见","scope":"ASSIGNMENT","owedBy":"FIRST_SECRETARY","cadence":"QUARTER","rule":"ACTIVITIES","fulfilledBy":["GUIDANCE_OPINION"]},
                 {"code":"PARTY_LECTURE","name":"专题党课辅导","scope":"ASSIGNMENT","owedBy":"FIRST_SECRETARY","cadence":"HALF_YEAR","rule":"ACTIVITIES","fulfilledBy":["PARTY_LECTURE"]},
                 {"code":"FOUR_TRUE_RESEARCH","name":"“四真”调研","scope":"ASSIGNMENT","owedBy":"FIRST_SECRETARY","cadence":"QUARTER","rule":"ACTIVITIES","fulfilledBy":["FOUR_TRUE_RESEARCH"]},
                 {"code":"MEMBER_TALK_COVERAGE","name":"支部党员谈心谈话全覆盖","scope":"ASSIGNMENT","owedBy":"FIRST_SECRETARY","cadence":"YEAR","rule":"EVERY_MEMBER","fulfilledBy":["TALK"]},
                 {"code":"QUARTERLY_REVIEW","name":"按季度点评","scope":"ASSIGNMENT","owedBy":"BUREAU","cadence":"QUARTER","rule":"REVIEW","fulfilledBy":[]}]}}""");
        api.json("GET /api/v1/bureaus/nt/obligations", 200, """
                {"items":[%s,%s,%s,%s],"page":0,"size":500,"total":4}""".formatted(
                        guidance("OPEN"), lecture("OPEN", "[]"), research(), talks()));
        api.json("GET /api/v1/bureaus/nt/obligations/" + LECTURE, 200, lecture("OPEN", "[]"));
        api.json("GET /api/v1/bureaus/nt/obligations/" + TALKS, 200, talks());
        api.json("GET /api/v1/bureaus/nt/branches/b1", 200, """
                {"bureau":"nt","code":"b1","name":"第一党支部","divisions":["办公室"],"status":"ACTIVE",
                 "firstSecretary":{"id":"nt:b1:2026-01-01","bureau":"nt","member":"fs1","name":"王军","branch":"b1","from":"2026-01-01"},
                 "secretary":{"id":"m1","name":"张三","roles":["BRANCH_SECRETARY"]},
                 "committee":[{"id":"m2","name":"李四","roles":["BRANCH_COMMITTEE"]}],
                 "partyGroups":[{"code":"g1","name":"第一党小组","leader":{"id":"m3","name":"王五","roles":["GROUP_LEADER"]},"size":3}],
                 "members":[{"id":"m1","name":"张三","roles":["BRANCH_SECRETARY"]},{"id":"m2","name":"李四","roles":["BRANCH_COMMITTEE"]},
                            {"id":"m3","name":"王五","roles":["GROUP_LEADER"]},{"id":"m4","name":"赵六","roles":["MEMBER"]}]}""");
        api.json("GET /api/v1/bureaus", 200, """
                {"items":[{"code":"nt","name":"南通市税务局","level":"MUNICIPAL","path":["nt"]},
                          {"code":"rd","name":"如东县税务局","level":"COUNTY","parent":"nt","path":["nt","rd"]}],
                 "page":0,"size":500,"total":2}""");
        api.json("GET /api/v1/bureaus/rd/obligations", 200, """
                {"items":[{"id":"o-rd","duty":"PARTY_LECTURE","period":"2026-H2","owedBy":"FIRST_SECRETARY","assignee":"rd1",
                  "branch":"r1","dueOn":"2026-12-31","status":"MET","evidence":["a-rd"],"completedOn":"2026-07-01"}],
                 "page":0,"size":500,"total":1}""");
        api.json("GET /api/v1/bureaus/nt/first-secretaries", 200, """
                {"items":[{"id":"nt:b1:2026-01-01","bureau":"nt","member":"fs1","name":"王军","branch":"b1","from":"2026-01-01"},
                          {"id":"rd:r1:2026-01-01","bureau":"rd","member":"rd1","name":"陈七","branch":"r1","from":"2026-01-01"}],
                 "page":0,"size":500,"total":2}""");
        api.json("GET /api/v1/bureaus/nt/rankings", 200, """
                {"period":"2026-08","items":[
                  {"rank":1,"assignee":"fs1","name":"王军","bureau":"nt","branch":"b1","group":"nt","score":12.5,"flag":false,"vetoes":[]},
                  {"rank":2,"assignee":"fs2","name":"周八","bureau":"nt","branch":"b2","group":"nt","score":3.0,"flag":false,"vetoes":["OVERDUE PARTY_LECTURE 2026-H1"]}]}""");
        api.json("GET /api/v1/bureaus/nt/members/fs1/inbox", 200, """
                {"items":[{"id":"d1","bureau":"nt","member":"fs1","reminder":"r1","stage":"DUE_SOON","subject":"【第一书记工作提醒】专题党课辅导将于2026年12月31日到期",
                  "text":"王军同志：您作为第一党支部的第一书记……","link":"http://127.0.0.1:8080/obligations/o-lecture","receivedAt":"2026-08-02T00:30:00Z","read":false}],
                 "page":0,"size":20,"total":1,"unread":1}""");
    }

    static String lecture(String status, String evidence) {
        return """
                {"id":"%s","duty":"PARTY_LECTURE","period":"2026-H2","owedBy":"FIRST_SECRETARY","assignee":"fs1","branch":"b1",
                 "dueOn":"2026-12-31","status":"%s","evidence":%s}""".formatted(LECTURE, status, evidence);
    }

    private static String guidance(String status) {
        return """
                {"id":"%s","duty":"GUIDANCE_OPINION","period":"2026-Q2","owedBy":"FIRST_SECRETARY","assignee":"fs1","branch":"b1",
                 "dueOn":"2026-06-30","status":"%s","evidence":[]}""".formatted(GUIDANCE, status);
    }

    private static String research() {
        return """
                {"id":"%s","duty":"FOUR_TRUE_RESEARCH","period":"2026-Q3","owedBy":"FIRST_SECRETARY","assignee":"fs1","branch":"b1",
                 "dueOn":"2026-08-10","status":"MET","evidence":["a-research"],"completedOn":"2026-07-20"}""".formatted(RESEARCH);
    }

    private static String talks() {
        return """
                {"id":"%s","duty":"MEMBER_TALK_COVERAGE","period":"2026","owedBy":"FIRST_SECRETARY","assignee":"fs1","branch":"b1",
                 "dueOn":"2026-12-31","status":"OPEN","evidence":["a-talk"],"required":["m1","m2","m3","m4"],"missing":["m2","m4"]}""".formatted(TALKS);
    }
}

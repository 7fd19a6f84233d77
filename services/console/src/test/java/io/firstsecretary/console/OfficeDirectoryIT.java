package io.firstsecretary.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;

/** The office's import wizard and the directory's changes, against the stand-in API. */
class OfficeDirectoryIT extends StubbedPages {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    static final String MEMBERS_CSV = """
            id,name,email,phone,roles,branch,partyGroup,joinedPartyOn
            nt-201,孙丽,,,,b1,,2015-07-01
            nt-202,钱进,,,,b2,,
            """;

    @BeforeEach
    void answers() {
        API.json("GET /api/v1/bureaus/nt/imports", 200, """
                {"items":[{"id":"0b7c6a52-8f1e-4c52-9d1e-2f1b9f3c0a11","bureau":"nt","source":"组织.xlsx","status":"DONE",
                           "total":120,"processed":120,"created":118,"updated":2,"unchanged":0,
                           "startedAt":"2026-08-01T01:00:00Z","finishedAt":"2026-08-01T01:00:09Z"}],
                 "page":0,"size":10,"total":1}""");
    }

    @Test
    void aFileIsReviewedThenAppliedWhileTheProgressBarFollowsIt() throws Exception {
        var start = page(get("/office/imports").with(OFFICE));
        assertThat(start.select("tr[data-import] td").eachText()).contains("组织.xlsx", "已完成", "118");
        assertThat(start.select("select[name=sheet] option").eachAttr("value"))
                .containsExactly("", "bureaus", "branches", "party-groups", "members", "first-secretaries");

        API.json("POST /api/v1/bureaus/nt/imports/members", 200, """
                {"id":"r1","dryRun":true,"created":1,"updated":1,"unchanged":0,"errors":[],
                 "changes":[{"sheet":"members","row":2,"key":"nt-201","name":"孙丽","outcome":"CREATED"},
                            {"sheet":"members","row":3,"key":"nt-202","name":"钱进","outcome":"UPDATED"}]}""");
        var session = new MockHttpSession();
        var review = page(multipart("/office/imports/check")
                .file(new MockMultipartFile("file", "党员.csv", "text/csv", MEMBERS_CSV.getBytes(StandardCharsets.UTF_8)))
                .param("bureau", "nt")
                .param("sheet", "members")
                .session(session)
                .with(OFFICE)
                .with(csrf()));
        assertThat(review.select("dd[data-count]").eachText()).containsExactly("1", "1", "0");
        assertThat(review.select("table.changes tbody tr").eachText())
                .containsExactly("党员 2 nt-201 孙丽 新增", "党员 3 nt-202 钱进 更新");
        var dryRun = API.sent("POST", "/api/v1/bureaus/nt/imports/members").get(0);
        assertThat(dryRun.query()).isEqualTo("dryRun=true");
        assertThat(dryRun.contentType()).startsWith("text/csv");
        assertThat(dryRun.text()).isEqualTo(MEMBERS_CSV);
        String token = review.selectFirst("input[name=token]").val();

        API.json("POST /api/v1/bureaus/nt/imports/members", 202, """
                {"id":"5d0e2c9a-0000-4000-8000-000000000001","bureau":"nt","source":"党员.csv","status":"RUNNING",
                 "total":2,"processed":0,"created":0,"updated":0,"unchanged":0,"startedAt":"2026-08-03T02:00:00Z"}""");
        var applied = mvc.perform(post("/office/imports/apply")
                        .param("token", token)
                        .session(session)
                        .with(OFFICE)
                        .with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(applied.getRedirectedUrl())
                .isEqualTo("/office/imports/5d0e2c9a-0000-4000-8000-000000000001?bureau=nt");
        var apply = API.sent("POST", "/api/v1/bureaus/nt/imports/members").get(1);
        assertThat(apply.query()).isEqualTo("dryRun=false");
        assertThat(apply.header("Prefer")).isEqualTo("respond-async");
        assertThat(apply.text()).isEqualTo(MEMBERS_CSV);

        String progress = "GET /api/v1/bureaus/nt/imports/5d0e2c9a-0000-4000-8000-000000000001";
        API.json(progress, 200, """
                {"id":"5d0e2c9a-0000-4000-8000-000000000001","bureau":"nt","source":"党员.csv","status":"RUNNING",
                 "total":2,"processed":1,"created":0,"updated":0,"unchanged":0,"startedAt":"2026-08-03T02:00:00Z"}""");
        var running = page(get("/office/imports/5d0e2c9a-0000-4000-8000-000000000001?bureau=nt")
                .with(OFFICE));
        var bar = running.selectFirst("#import");
        assertThat(bar.attr("hx-trigger")).isEqualTo("every 1s");
        assertThat(bar.selectFirst("progress").attr("value")).isEqualTo("1");
        assertThat(bar.text()).contains("已处理 1 / 2 行（50%）");

        API.json(progress, 200, """
                {"id":"5d0e2c9a-0000-4000-8000-000000000001","bureau":"nt","source":"党员.csv","status":"DONE",
                 "total":2,"processed":2,"created":1,"updated":1,"unchanged":0,"startedAt":"2026-08-03T02:00:00Z",
                 "finishedAt":"2026-08-03T02:00:01Z"}""");
        var done =
                Jsoup.parse(mvc.perform(get("/office/imports/5d0e2c9a-0000-4000-8000-000000000001/progress?bureau=nt")
                                .with(OFFICE))
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
        assertThat(done.selectFirst("#import").hasAttr("hx-trigger")).isFalse();
        assertThat(done.select("dd[data-count]").eachText()).containsExactly("1", "1", "0");

        var again = mvc.perform(post("/office/imports/apply")
                        .param("token", token)
                        .session(session)
                        .with(OFFICE)
                        .with(csrf()))
                .andReturn();
        assertThat(again.getFlashMap().get("failed")).isEqualTo("imports.error.expired");
        assertThat(API.sent("POST", "/api/v1/bureaus/nt/imports/members")).hasSize(2);
    }

    @Test
    void aFileWithErrorsShowsEveryBadCellAndCannotBeApplied() throws Exception {
        API.json("POST /api/v1/bureaus/nt/imports", 200, """
                {"id":"r2","dryRun":true,"created":0,"updated":0,"unchanged":0,"changes":[],
                 "errors":[{"sheet":"members","row":3,"field":"roles","message":"'BOSS' is not a role"}]}""");
        var review = page(multipart("/office/imports/check")
                .file(new MockMultipartFile("file", "组织.xlsx", XLSX, new byte[] {80, 75, 3, 4}))
                .param("bureau", "nt")
                .with(OFFICE)
                .with(csrf()));
        assertThat(review.select("table.errors tbody tr").eachText())
                .containsExactly("党员 3 roles 'BOSS' is not a role");
        assertThat(review.select("input[name=token]")).isEmpty();
        assertThat(API.sent("POST", "/api/v1/bureaus/nt/imports").get(0).contentType())
                .isEqualTo(XLSX);

        var noSheet = mvc.perform(multipart("/office/imports/check")
                        .file(new MockMultipartFile(
                                "file", "党员.csv", "text/csv", MEMBERS_CSV.getBytes(StandardCharsets.UTF_8)))
                        .param("bureau", "nt")
                        .with(OFFICE)
                        .with(csrf()))
                .andReturn();
        assertThat(noSheet.getFlashMap().get("failed")).isEqualTo("imports.error.sheet");
        assertThat(mvc.perform(get("/office/imports").with(FIRST_SECRETARY))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
        assertThat(mvc.perform(multipart("/office/imports/check")
                                .param("bureau", "nt")
                                .with(OFFICE))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .as("no CSRF token")
                .isEqualTo(403);
    }

    @Test
    void theOfficeRelievesAndReappointsTransfersAndMerges() throws Exception {
        API.json("GET /api/v1/bureaus/nt/branches", 200, """
                {"items":[{"bureau":"nt","code":"b1","name":"第一党支部","divisions":["办公室"],"status":"ACTIVE"},
                          {"bureau":"nt","code":"b2","name":"第二党支部","divisions":["征管科"],"status":"ACTIVE"}],
                 "page":0,"size":500,"total":2}""");
        API.json("GET /api/v1/bureaus/nt/members", 200, """
                {"items":[{"id":"fs1","bureau":"nt","name":"王军","roles":["COMMITTEE_MEMBER"],"branch":"b1"},
                          {"id":"cm2","bureau":"nt","name":"陈刚","roles":["COMMITTEE_MEMBER"],"branch":"b2"},
                          {"id":"m1","bureau":"nt","name":"张三","roles":["MEMBER"],"branch":"b1"}],
                 "page":0,"size":500,"total":3}""");
        var page = page(get("/office/directory/nt/branches/b1").with(OFFICE));
        assertThat(page.select("select[name=member] option").eachText()).containsExactly("（暂不改任）", "王军", "陈刚");
        assertThat(page.select("select[name=into] option").eachAttr("value")).containsExactly("", "b2");

        API.json("POST /api/v1/bureaus/nt/first-secretaries/nt:b1:2026-01-01/relieve", 200, "{}");
        API.json("POST /api/v1/bureaus/nt/first-secretaries", 201, "{}");
        var reappointed = mvc.perform(post("/office/directory/nt/branches/b1/first-secretary")
                        .param("relieveOn", "2026-08-31")
                        .param("member", "cm2")
                        .param("from", "2026-09-01")
                        .with(OFFICE)
                        .with(csrf()))
                .andReturn();
        assertThat(reappointed.getResponse().getRedirectedUrl()).isEqualTo("/office/directory/nt/branches/b1");
        assertThat(reappointed.getFlashMap().get("done")).isEqualTo("changes.appointed");
        assertThat(API.sent("POST", "/api/v1/bureaus/nt/first-secretaries/nt:b1:2026-01-01/relieve")
                        .get(0)
                        .text())
                .isEqualTo("{\"on\":\"2026-08-31\"}");
        assertThat(API.sent("POST", "/api/v1/bureaus/nt/first-secretaries")
                        .get(0)
                        .text())
                .contains("\"member\":\"cm2\"", "\"branch\":\"b1\"", "\"from\":\"2026-09-01\"");

        var overlapping = mvc.perform(post("/office/directory/nt/branches/b1/first-secretary")
                        .param("relieveOn", "2026-08-31")
                        .param("member", "cm2")
                        .param("from", "2026-08-31")
                        .with(OFFICE)
                        .with(csrf()))
                .andReturn();
        assertThat(overlapping.getFlashMap().get("failed")).isEqualTo("changes.error.overlap");
        assertThat(API.sent("POST", "/api/v1/bureaus/nt/first-secretaries")).hasSize(1);

        API.json("POST /api/v1/bureaus/nt/members/m1/transfer", 409, """
                {"title":"Conflict","status":409,"detail":"Member m1 has left"}""");
        var refused = mvc.perform(post("/office/directory/nt/members/m1/transfer")
                        .param("back", "b1")
                        .param("branch", "b2")
                        .param("on", "2026-08-03")
                        .with(OFFICE)
                        .with(csrf()))
                .andReturn();
        assertThat(refused.getFlashMap().get("failed")).isEqualTo("changes.error.api");
        assertThat(refused.getFlashMap().get("failedDetail")).isEqualTo("Member m1 has left");

        var noReason = mvc.perform(post("/office/directory/nt/members/m1/leave")
                        .param("back", "b1")
                        .param("on", "2026-08-03")
                        .with(OFFICE)
                        .with(csrf()))
                .andReturn();
        assertThat(noReason.getFlashMap().get("failed")).isEqualTo("changes.error.reason");
        assertThat(API.sent("POST", "/api/v1/bureaus/nt/members/m1/leave")).isEmpty();

        API.json("POST /api/v1/bureaus/nt/branches/b1/merge", 200, "{}");
        var merged = mvc.perform(post("/office/directory/nt/branches/b1/merge")
                        .param("into", "b2")
                        .param("on", "2026-08-03")
                        .with(OFFICE)
                        .with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(merged.getRedirectedUrl()).isEqualTo("/office/directory/nt/branches/b2");
        assertThat(API.sent("POST", "/api/v1/bureaus/nt/branches/b1/merge")
                        .get(0)
                        .text())
                .isEqualTo("{\"into\":\"b2\",\"on\":\"2026-08-03\"}");
        assertThat(mvc.perform(post("/office/directory/nt/branches/b1/merge")
                                .param("into", "b2")
                                .with(FIRST_SECRETARY)
                                .with(csrf()))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
    }
}

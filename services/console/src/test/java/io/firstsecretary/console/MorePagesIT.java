package io.firstsecretary.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The settings, the office's reviews and evaluations, and the bureau-meeting report, against the stand-in API. */
class MorePagesIT extends StubbedPages {

    @Test
    void preferencesAreShownAndSavedAsTheyWereTicked() throws Exception {
        API.json("GET /api/v1/bureaus/nt/members/fs1/notification-preferences", 200, """
                {"channels":["EMAIL","INBOX"],"digest":true}""");
        API.json("PUT /api/v1/bureaus/nt/members/fs1/notification-preferences", 200, """
                {"channels":["INBOX"],"digest":false}""");

        var page = page(get("/settings").with(FIRST_SECRETARY));
        assertThat(page.select("input[name=channels][checked]").eachAttr("value"))
                .containsExactly("EMAIL", "INBOX");
        assertThat(page.selectFirst("input[name=digest]").hasAttr("checked")).isTrue();

        mvc.perform(post("/settings/notifications")
                .param("channels", "INBOX", "SMS")
                .with(FIRST_SECRETARY)
                .with(csrf()));
        assertThat(API.sent("PUT", "/api/v1/bureaus/nt/members/fs1/notification-preferences"))
                .singleElement()
                .satisfies(e -> assertThat(e.text())
                        .contains("\"channels\":[\"INBOX\"]")
                        .contains("\"digest\":false"));
    }

    @Test
    void theCalendarLinkIsShownOnceWithAQrCodeOfIt() throws Exception {
        API.json("GET /api/v1/bureaus/nt/members/fs1/notification-preferences", 200, """
                {"channels":["EMAIL","INBOX","WEBHOOK"],"digest":true}""");
        API.json("POST /api/v1/bureaus/nt/members/fs1/calendar-token", 201, """
                {"token":"abc","url":"http://127.0.0.1:8080/api/v1/calendar/abc.ics"}""");

        var page = page(post("/settings/calendar").with(FIRST_SECRETARY).with(csrf()));

        assertThat(page.selectFirst("#calendar-url").val()).isEqualTo("http://127.0.0.1:8080/api/v1/calendar/abc.ics");
        String src = page.selectFirst("img.qr").attr("src");
        assertThat(src).startsWith("data:image/svg+xml;base64,");
        var svg = new String(Base64.getDecoder().decode(src.substring(src.indexOf(',') + 1)));
        assertThat(svg).startsWith("<svg").contains("<path d=\"M");
        assertThat(mvc.perform(post("/settings/calendar").with(FIRST_SECRETARY))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
    }

    @Test
    void theOfficeGradesEachFirstSecretaryForTheQuarter() throws Exception {
        API.json("GET /api/v1/bureaus/nt/reviews", 200, """
                {"items":[{"assignee":"fs1","branch":"b1","quarter":"2026-Q2","grade":"GOOD","comment":"按时完成"}]}""");
        API.json("POST /api/v1/bureaus/nt/reviews", 201, """
                {"assignee":"rd1","quarter":"2026-Q2","grade":"EXCELLENT"}""");

        var page = page(get("/office/reviews").param("quarter", "2026-Q2").with(OFFICE));
        var wang = page.selectFirst(".review[data-assignee=fs1]");
        assertThat(wang.select("option[selected]").text()).isEqualTo("良好");
        assertThat(wang.select("textarea").text()).isEqualTo("按时完成");
        assertThat(page.select("nav.tabs a").eachText()).contains("2026年第二季度", "年底评议");

        var none = mvc.perform(post("/office/reviews")
                        .param("assignee", "fs1")
                        .param("quarter", "2026-Q2")
                        .with(OFFICE)
                        .with(csrf()))
                .andReturn();
        assertThat(none.getFlashMap().get("failed")).isEqualTo("validation.grade");
        assertThat(API.sent("POST", "/api/v1/bureaus/nt/reviews")).isEmpty();

        mvc.perform(post("/office/reviews")
                .param("assignee", "fs1")
                .param("quarter", "2026-Q2")
                .param("grade", "EXCELLENT")
                .param("comment", "党课质量高")
                .with(OFFICE)
                .with(csrf()));
        assertThat(API.sent("POST", "/api/v1/bureaus/nt/reviews"))
                .singleElement()
                .satisfies(
                        e -> assertThat(e.text())
                                .isEqualTo(
                                        "{\"assignee\":\"fs1\",\"quarter\":\"2026-Q2\",\"grade\":\"EXCELLENT\",\"comment\":\"党课质量高\"}"));
        assertThat(mvc.perform(get("/office/reviews").with(FIRST_SECRETARY))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
    }

    @Test
    void theYearEndEvaluationTakesARatingFromEachMember() throws Exception {
        API.json("GET /api/v1/bureaus/nt/evaluations", 200, """
                {"items":[{"assignee":"fs1","branch":"b1","year":2026,"satisfied":2,"basicallySatisfied":1,"dissatisfied":1,
                  "satisfactionRate":0.75,"ratings":[{"member":"m1","rating":"SATISFIED"},{"member":"m4","rating":"DISSATISFIED"}]}]}""");
        API.json("POST /api/v1/bureaus/nt/evaluations", 201, "{\"assignee\":\"fs1\",\"year\":2026}");

        var page = page(get("/office/evaluations").param("assignee", "fs1").with(OFFICE));
        assertThat(page.select("tr[data-assignee=fs1] td").eachText()).contains("75.0%", "2 / 1 / 1");
        assertThat(page.selectFirst("select[name=rating.m1] option[selected]").text())
                .isEqualTo("满意");
        assertThat(page.selectFirst("select[name=rating.m4] option[selected]").text())
                .isEqualTo("不满意");

        mvc.perform(post("/office/evaluations")
                .param("assignee", "fs1")
                .param("year", "2026")
                .param("rating.m1", "SATISFIED")
                .param("rating.m2", "")
                .param("rating.m3", "BASICALLY_SATISFIED")
                .with(OFFICE)
                .with(csrf()));
        assertThat(API.sent("POST", "/api/v1/bureaus/nt/evaluations"))
                .singleElement()
                .satisfies(e -> assertThat(e.text())
                        .contains("{\"member\":\"m1\",\"rating\":\"SATISFIED\"}")
                        .contains("{\"member\":\"m3\",\"rating\":\"BASICALLY_SATISFIED\"}")
                        .doesNotContain("m2"));
    }

    @Test
    void theMonthsReportIsPreviewedDownloadedAndFiled() throws Exception {
        API.json("GET /api/v1/bureaus/nt/reports/bureau-meeting/2026-07", 200, """
                {"bureau":"nt","bureauName":"南通市税务局","month":"2026-07","asOf":"2026-07-31",
                 "summary":{"firstSecretaries":11,"dueThisMonth":0,"metThisMonth":3,"overdue":2,"quarterComplianceRate":0.5,"activitiesThisMonth":7},
                 "firstSecretaries":[{"assignee":"fs1","name":"王军","branch":"b1","branchName":"第一党支部","metThisMonth":[],"metThisQuarter":1,"owedThisQuarter":4,"overdue":1,"yearScore":12.5}],
                 "behind":[{"assignee":"fs1","name":"王军","branch":"b1","duty":"GUIDANCE_OPINION","dutyName":"对支部党建工作提出指导意见","period":"2026-Q2","dueOn":"2026-06-30","status":"OVERDUE"}],
                 "talkCoverage":[],"monthRanking":[],"quarterRanking":[],"highlights":[]}""");
        API.json("POST /api/v1/bureaus/nt/reports/bureau-meeting/2026-07/filing", 200, """
                {"id":"nt:bureau-meeting:2026-07","month":"2026-07","filedBy":"of1","filedAt":"2026-08-03T02:00:00Z"}""");

        var page = page(get("/office/report").param("month", "2026-07").with(OFFICE));
        assertThat(page.selectFirst("h1").text()).isEqualTo("南通市税务局 · 2026年7月 局务会专题汇报");
        assertThat(page.select("dl.facts").text()).contains("50.0%");
        assertThat(page.select("table").first().text()).contains("王军", "对支部党建工作提出指导意见", "2026年第二季度", "已逾期");
        assertThat(page.select("a.button").eachAttr("href"))
                .contains("/office/report.xlsx?month=2026-07", "/office/report/print?month=2026-07");

        mvc.perform(post("/office/report/filing")
                .param("month", "2026-07")
                .with(OFFICE)
                .with(csrf()));
        assertThat(API.sent("POST", "/api/v1/bureaus/nt/reports/bureau-meeting/2026-07/filing"))
                .singleElement()
                .satisfies(e -> assertThat(e.text()).isEqualTo("{\"filedBy\":\"of1\"}"));

        API.bytes(
                "GET /api/v1/bureaus/nt/reports/bureau-meeting/2026-07",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                new byte[] {80, 75, 3, 4});
        var xlsx = mvc.perform(
                        get("/office/report.xlsx").param("month", "2026-07").with(OFFICE))
                .andReturn()
                .getResponse();
        assertThat(xlsx.getContentAsByteArray()).containsExactly(80, 75, 3, 4);
        assertThat(API.sent("GET", "/api/v1/bureaus/nt/reports/bureau-meeting/2026-07")
                        .get(1)
                        .query())
                .isEqualTo("format=xlsx");
    }

    @Test
    void theDirectoryShowsTheTreeTheBranchesAndTheirPeople() throws Exception {
        API.json("GET /api/v1/bureaus/nt/members", 200, """
                {"items":[],"page":0,"size":500,"total":0}""");
        API.json("GET /api/v1/bureaus/nt/branches", 200, """
                {"items":[{"bureau":"nt","code":"b1","name":"第一党支部","divisions":["办公室","人事科"],"status":"ACTIVE"},
                          {"bureau":"nt","code":"b2","name":"第二党支部","divisions":["征管科"],"status":"MERGED"}],
                 "page":0,"size":500,"total":2}""");

        var page = page(get("/office/directory").with(OFFICE));
        assertThat(page.select("nav.tree a").eachText()).containsExactly("南通市税务局", "如东县税务局");
        assertThat(page.selectFirst("nav.tree a.depth-1").text()).isEqualTo("如东县税务局");
        assertThat(page.select("tr[data-branch=b1] td").eachText()).containsExactly("第一党支部", "办公室、人事科", "王军", "正常");
        assertThat(page.select("tr[data-branch=b2] td").eachText()).contains("—", "已合并");
        assertThat(page.select("table.terms tbody tr").eachText()).containsExactly("王军 第一党支部 2026年1月1日 在任");

        var branch = page(get("/office/directory/nt/branches/b1").with(OFFICE));
        assertThat(branch.select("dl.facts").text()).contains("王军（2026-01-01 起）", "张三", "李四");
        assertThat(branch.select(".members span").eachText()).containsExactly("张三", "李四", "王五", "赵六");
        assertThat(mvc.perform(get("/office/directory").with(FIRST_SECRETARY))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
    }

    @Test
    void theOfficeWritesItsOwnTextIntoTheReport() throws Exception {
        API.json("GET /api/v1/bureaus/nt/reports/bureau-meeting/2026-07", 200, """
                {"bureau":"nt","bureauName":"南通市税务局","month":"2026-07","asOf":"2026-07-31",
                 "summary":{"firstSecretaries":1,"dueThisMonth":0,"metThisMonth":0,"overdue":0,"activitiesThisMonth":0},
                 "remarks":{"text":"下月重点督促党课补课。","writtenBy":"of1","writtenAt":"2026-08-02T01:00:00Z"}}""");
        API.json("PUT /api/v1/bureaus/nt/reports/bureau-meeting/2026-07/remarks", 200, """
                {"text":"请各支部配合。","writtenBy":"of1","writtenAt":"2026-08-03T02:00:00Z"}""");

        var page = page(get("/office/report").param("month", "2026-07").with(OFFICE));
        assertThat(page.selectFirst("textarea[name=text]").text()).isEqualTo("下月重点督促党课补课。");

        var saved = mvc.perform(post("/office/report/remarks")
                        .param("month", "2026-07")
                        .param("text", "  请各支部配合。 ")
                        .with(OFFICE)
                        .with(csrf()))
                .andReturn();
        assertThat(saved.getFlashMap().get("done")).isEqualTo("report.remarks.saved");
        assertThat(API.sent("PUT", "/api/v1/bureaus/nt/reports/bureau-meeting/2026-07/remarks"))
                .singleElement()
                .satisfies(e -> assertThat(e.text()).isEqualTo("{\"text\":\"请各支部配合。\"}"));

        var tooLong = mvc.perform(post("/office/report/remarks")
                        .param("month", "2026-07")
                        .param("text", "长".repeat(5001))
                        .with(OFFICE)
                        .with(csrf()))
                .andReturn();
        assertThat(tooLong.getFlashMap().get("remarksError")).isEqualTo("report.remarks.tooLong");
        assertThat(API.sent("PUT", "/api/v1/bureaus/nt/reports/bureau-meeting/2026-07/remarks"))
                .hasSize(1);
    }

    @Test
    void everyPointOfAScorecardLinksToWhatEarnedIt() throws Exception {
        API.json("GET /api/v1/bureaus/nt/scorecards", 200, """
                {"items":[{"assignee":"fs1","name":"王军","bureau":"nt","branch":"b1","year":2026,"total":17.3,"breakdown":[
                  {"duty":"PARTY_LECTURE","period":"2026-H1","basis":"MET_LATE","points":3.0,"evidence":["a-1"],"earnedOn":"2026-07-02"},
                  {"duty":"TALK_COVERAGE","period":"2026","basis":"COVERAGE 18/20","points":4.5,"evidence":["a-2","a-3"]},
                  {"duty":"QUARTERLY_REVIEW","period":"2026-Q2","basis":"GRADE EXCELLENT","points":5.0,"evidence":["nt:fs1:2026-Q2"],"earnedOn":"2026-06-30"},
                  {"duty":"YEAR_END_EVALUATION","period":"2026","basis":"SATISFACTION 0.92","points":4.8,"evidence":["e-1"],"earnedOn":"2026-08-01"}]}]}""");

        var page = page(get("/office/scorecards")
                .param("assignee", "fs1")
                .param("year", "2026")
                .with(OFFICE));
        assertThat(API.sent("GET", "/api/v1/bureaus/nt/scorecards").get(0).query())
                .isEqualTo("year=2026&assignee=fs1");
        assertThat(page.selectFirst("h1").text()).isEqualTo("王军 2026年度得分明细");
        assertThat(page.selectFirst(".total").text()).isEqualTo("合计 17.3 分");
        var rows = page.select("tbody tr");
        assertThat(rows.get(0).text()).contains("逾期完成", "3.0", "2026年7月2日");
        assertThat(rows.get(0).select("a").eachAttr("href")).containsExactly("/activities/a-1?bureau=nt");
        assertThat(rows.get(1).text()).contains("谈心谈话覆盖 18/20", "只计入年度");
        assertThat(rows.get(1).select("a").eachText()).containsExactly("记录 1", "记录 2");
        assertThat(rows.get(2).text()).contains("季度点评（优秀）");
        assertThat(rows.get(2).select("a").eachAttr("href")).containsExactly("/office/reviews?quarter=2026-Q2");
        assertThat(rows.get(3).text()).contains("年底评议满意率 92%");
        assertThat(rows.get(3).select("a").eachAttr("href"))
                .containsExactly("/office/evaluations?assignee=fs1&year=2026");
        assertThat(mvc.perform(get("/office/scorecards")
                                .param("assignee", "fs1")
                                .with(FIRST_SECRETARY))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
    }

    @Test
    void swaggerUiListsEveryServicesDocumentFetchedWithThePersonsToken() throws Exception {
        API.json("GET /v3/api-docs/activity", 200, """
                {"openapi":"3.1.0","info":{"title":"First Secretary platform: activity API","version":"0.1.0"}}""");

        var response = mvc.perform(get("/api-docs").with(OFFICE)).andReturn().getResponse();
        assertThat(response.getHeaders("Content-Security-Policy"))
                .singleElement()
                .satisfies(csp ->
                        assertThat(csp).contains("style-src 'self' 'sha256-").contains("script-src 'self';"));
        assertThat(mvc.perform(get("/settings").with(OFFICE))
                        .andReturn()
                        .getResponse()
                        .getHeader("Content-Security-Policy"))
                .contains("style-src 'self';");
        var page = page(get("/api-docs").with(OFFICE));
        var ui = page.selectFirst("#swagger-ui");
        assertThat(ui.attr("data-urls")).contains("\"url\":\"api-docs/organisation.json\"", "\"name\":\"identity\"");
        assertThat(ui.attr("data-client-id")).isEqualTo("api-docs");
        assertThat(ui.attr("data-redirect-url")).isEqualTo("http://127.0.0.1:8080/api-docs/oauth2-redirect.html");
        assertThat(page.select("script[src]").eachAttr("src"))
                .contains("/api-docs.js")
                .anyMatch(src -> src.startsWith("/webjars/swagger-ui/") && src.endsWith("/swagger-ui-bundle.js"));

        var document = mvc.perform(get("/api-docs/activity.json").with(OFFICE))
                .andReturn()
                .getResponse();
        assertThat(document.getContentType()).startsWith("application/json");
        assertThat(document.getContentAsString()).contains("activity API");
        assertThat(API.sent("GET", "/v3/api-docs/activity"))
                .singleElement()
                .satisfies(e -> assertThat(e.authorization()).startsWith("Bearer "));
        assertThat(mvc.perform(get("/api-docs/mail.json").with(OFFICE))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(mvc.perform(get("/api-docs")).andReturn().getResponse().getStatus())
                .isEqualTo(302);
    }
}

package io.firstsecretary.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * Every page of the console against a real HTTP server standing in for the platform API: what each
 * page shows, what each form refuses and how (on the field, in Chinese), CSRF on every form, no page
 * without a login, the person's own token on every call, and nothing of a bureau the API refuses.
 */
class ConsolePagesIT extends StubbedPages {

    @Test
    void noPageWithoutALogin() throws Exception {
        for (String path : List.of(
                "/",
                "/duties",
                "/record?obligation=o-lecture",
                "/obligations/o-lecture",
                "/activities/a1",
                "/branch",
                "/office/matrix",
                "/office/matrix.xlsx",
                "/office/rankings",
                "/inbox",
                "/inbox/unread")) {
            var response = mvc.perform(get(path)).andReturn().getResponse();
            assertThat(response.getStatus()).as(path).isEqualTo(302);
            assertThat(response.getRedirectedUrl()).as(path).endsWith("/oauth2/authorization/identity");
        }
        var posted = mvc.perform(post("/record").with(csrf())).andReturn().getResponse();
        assertThat(posted.getStatus()).isEqualTo(302);
        assertThat(API.exchanges).noneMatch(e -> e.path().startsWith("/api/"));
    }

    @Test
    void myDutiesShowEachDutyOfTheYearInChineseWithItsStateAndWhoIsMissing() throws Exception {
        var page = page(get("/duties").with(FIRST_SECRETARY));

        assertThat(page.selectFirst("h1").text()).isEqualTo("2026年度职责");
        assertThat(page.select("section h2").eachText())
                .containsExactly("2026年第二季度", "2026年第三季度", "2026年下半年", "2026年度");
        var lecture = card(page, "PARTY_LECTURE");
        assertThat(lecture.select(".status").text()).isEqualTo("待完成");
        assertThat(lecture.text()).contains("截止 2026年12月31日");
        assertThat(lecture.select("a.record").attr("href")).isEqualTo("/record?obligation=o-lecture");
        var guidance = card(page, "GUIDANCE_OPINION");
        assertThat(guidance.select(".status").text()).isEqualTo("已逾期");
        assertThat(guidance.select(".status").hasClass("status-OVERDUE")).isTrue();
        var research = card(page, "FOUR_TRUE_RESEARCH");
        assertThat(research.select(".status").text()).isEqualTo("已完成");
        assertThat(research.text()).contains("完成于 2026年7月20日");
        assertThat(research.select("a.record")).isEmpty();
        assertThat(card(page, "MEMBER_TALK_COVERAGE").select(".missing").text()).isEqualTo("尚未谈心：李四、赵六");
        assertThat(page.select("nav a").eachText()).contains("我的职责").doesNotContain("履职矩阵");

        var asked = API.sent("GET", "/api/v1/bureaus/nt/obligations");
        assertThat(asked).singleElement().satisfies(e -> {
            assertThat(e.query()).contains("assignee=fs1").contains("year=2026");
            assertThat(e.authorization()).isEqualTo("Bearer token-fs1");
        });
        assertThat(API.exchanges)
                .allMatch(e -> !e.path().startsWith("/api/") || "Bearer token-fs1".equals(e.authorization()));
    }

    @Test
    void theRecordFormIsFilledInFromTheDuty() throws Exception {
        var form = page(get("/record")
                .param("obligation", Demo.LECTURE)
                .header("HX-Request", "true")
                .with(FIRST_SECRETARY));

        assertThat(form.selectFirst("form.record").attr("hx-post")).isEqualTo("/record");
        assertThat(form.selectFirst("input[name=type]").val()).isEqualTo("PARTY_LECTURE");
        assertThat(form.selectFirst("input[name=branch]").val()).isEqualTo("b1");
        assertThat(form.selectFirst("input[name=occurredOn]").val()).isEqualTo("2026-08-03");
        assertThat(form.selectFirst("input[name=title]").val()).isEqualTo("专题党课辅导");
        assertThat(form.select("input[name=participants]").eachAttr("value")).containsExactly("m1", "m2", "m3", "m4");
        assertThat(form.select("input[name=participants][checked]")).isEmpty();
        assertThat(form.selectFirst("input[name=_csrf]")).isNotNull();
        assertThat(form.selectFirst("input[name=idempotencyKey]").val()).isNotBlank();

        var talk = page(get("/record").param("obligation", Demo.TALKS).with(FIRST_SECRETARY));
        assertThat(talk.selectFirst("input[name=type]").val()).isEqualTo("TALK");
        assertThat(talk.select("input[name=participants][checked]").eachAttr("value"))
                .containsExactly("m2", "m4");
        assertThat(talk.selectFirst("form.record").hasAttr("hx-post")).isFalse();
    }

    @Test
    void everyFormRefusesAPostWithoutItsCsrfToken() throws Exception {
        for (var request : List.<MockHttpServletRequestBuilder>of(
                post("/record").param("obligation", Demo.LECTURE),
                post("/activities/a1/void").param("reason", "重复登记"),
                post("/activities/a1/corrections").param("reason", "更正标题"),
                post("/inbox/d1/read"),
                post("/logout"))) {
            var response =
                    mvc.perform(request.with(FIRST_SECRETARY)).andReturn().getResponse();
            assertThat(response.getStatus()).isEqualTo(403);
        }
        assertThat(API.exchanges)
                .noneMatch(e -> e.method().equals("POST") || e.method().equals("PATCH"));
    }

    @Test
    void aFormWithMistakesShowsEachOnItsFieldInChineseAndSendsNothing() throws Exception {
        var page = page(post("/record")
                .with(FIRST_SECRETARY)
                .with(csrf())
                .header("HX-Request", "true")
                .param("obligation", Demo.LECTURE)
                .param("type", "PARTY_LECTURE")
                .param("branch", "b1")
                .param("occurredOn", "2026-08-04")
                .param("title", " ")
                .param("notes", "x".repeat(10_001))
                .param("idempotencyKey", "k1"));

        assertThat(page.select(".notice.bad").text()).contains("提交未成功，请检查标红的项目。");
        assertThat(error(page, "title")).isEqualTo("请填写此项");
        assertThat(error(page, "occurredOn")).isEqualTo("日期不能晚于今天");
        assertThat(error(page, "notes")).isEqualTo("不能超过 10,000 个字");
        assertThat(page.selectFirst("input[name=occurredOn]").val()).isEqualTo("2026-08-04");
        assertThat(API.sent("POST", "/api/v1/bureaus/nt/activities.*")).isEmpty();

        var notADate = page(post("/record")
                .with(FIRST_SECRETARY)
                .with(csrf())
                .param("obligation", Demo.LECTURE)
                .param("type", "TALK")
                .param("branch", "b1")
                .param("occurredOn", "去年")
                .param("title", "谈心")
                .param("idempotencyKey", "k2"));
        assertThat(error(notADate, "occurredOn")).isEqualTo("请填写正确的日期");
        assertThat(error(notADate, "participants")).isEqualTo("请至少选择一位谈心对象");
    }

    @Test
    void whatTheApiRefusesIsShownOnTheFieldItNames() throws Exception {
        API.json("POST /api/v1/bureaus/nt/activities", 422, """
                {"title":"Unprocessable Content","status":422,"detail":"participants[0]: No member m9 in the branch",
                 "errors":[{"field":"participants[0]","pointer":"/participants/0","message":"No member m9 in the branch"},
                           {"field":"actor","pointer":"/actor","message":"fs1 is not the first secretary of b1 on 2026-08-03"}]}""");

        var page = page(lectureSubmission("k3"));

        assertThat(error(page, "participants")).isEqualTo("此项有误：No member m9 in the branch");
        assertThat(page.select(".notice.bad").eachText())
                .contains("此项有误：fs1 is not the first secretary of b1 on 2026-08-03");
        assertThat(page.selectFirst("input[name=title]").val()).isEqualTo("专题党课");
    }

    @Test
    void aLectureIsLoggedWithItsAttachmentAndTheCardWaitsUntilTheDutyCountsIt() throws Exception {
        API.json("POST /api/v1/bureaus/nt/activities/attachments", 201, """
                {"id":"att1","name":"讲稿.txt","contentType":"text/plain","size":9}""");
        API.json("POST /api/v1/bureaus/nt/activities", 201, """
                {"id":"a-new","bureau":"nt","type":"PARTY_LECTURE","branch":"b1","actor":"fs1","occurredOn":"2026-08-03",
                 "title":"专题党课","participants":["m1","m2"],"status":"ACTIVE","revision":1}""");

        var saved = page(lectureSubmission("k4"));

        var upload = API.sent("POST", "/api/v1/bureaus/nt/activities/attachments");
        assertThat(upload).singleElement().satisfies(e -> {
            assertThat(e.contentType()).startsWith("multipart/form-data");
            assertThat(e.text())
                    .contains("name=\"file\"")
                    .contains("filename*=UTF-8''%E8%AE%B2%E7%A8%BF.txt")
                    .contains("讲稿内容");
        });
        var logged = API.sent("POST", "/api/v1/bureaus/nt/activities");
        assertThat(logged)
                .singleElement()
                .satisfies(e -> assertThat(e.text())
                        .contains("\"type\":\"PARTY_LECTURE\"")
                        .contains("\"actor\":\"fs1\"")
                        .contains("\"occurredOn\":\"2026-08-03\"")
                        .contains("\"participants\":[\"m1\",\"m2\"]")
                        .contains("\"attachments\":[\"att1\"]"));
        var card = saved.selectFirst("#duty-" + Demo.LECTURE);
        assertThat(card.attr("data-state")).isEqualTo("UPDATING");
        assertThat(card.select(".status").text()).isEqualTo("更新中…");
        assertThat(card.attr("hx-get")).isEqualTo("/duties/" + Demo.LECTURE + "/card?after=a-new&tries=1");
        assertThat(card.attr("hx-trigger")).isEqualTo("load delay:1s");
        assertThat(saved.selectFirst("#flash").attr("hx-swap-oob")).isEqualTo("true");
        assertThat(saved.selectFirst("#flash").text()).isEqualTo("已登记：专题党课");

        API.json("GET /api/v1/bureaus/nt/obligations/" + Demo.LECTURE, 200, Demo.lecture("MET", "[\"a-new\"]"));
        var counted = page(get("/duties/" + Demo.LECTURE + "/card")
                .param("after", "a-new")
                .param("tries", "1")
                .with(FIRST_SECRETARY));
        assertThat(counted.selectFirst(".duty").attr("data-state")).isEqualTo("MET");
        assertThat(counted.select(".status").text()).isEqualTo("已完成");
        assertThat(counted.selectFirst(".duty").hasAttr("hx-get")).isFalse();
    }

    @Test
    void theCardStopsAskingOnceTheSettleTimeIsOver() throws Exception {
        var card = page(get("/duties/" + Demo.LECTURE + "/card")
                        .param("after", "a-new")
                        .param("tries", "10")
                        .with(FIRST_SECRETARY))
                .selectFirst(".duty");
        assertThat(card.attr("data-state")).isEqualTo("OPEN");
        assertThat(card.hasAttr("hx-get")).isFalse();
    }

    @Test
    void theMatrixShowsEachFirstSecretaryInRedAmberAndGreenAcrossTheSubtree() throws Exception {
        var page =
                page(get("/office/matrix").param("includeDescendants", "true").with(OFFICE));

        assertThat(page.select("thead tr").get(0).select("th").eachText())
                .containsExactly("第一书记", "对支部党建工作提出指导意见", "专题党课辅导", "“四真”调研", "支部党员谈心谈话全覆盖");
        var wang = page.selectFirst("tr[data-assignee=fs1]");
        assertThat(wang.selectFirst("th").text()).isEqualTo("王军");
        assertThat(wang.selectFirst("td[data-duty=GUIDANCE_OPINION]").attr("data-colour"))
                .isEqualTo("red");
        assertThat(wang.selectFirst("td[data-duty=PARTY_LECTURE]").attr("data-colour"))
                .isEqualTo("none");
        assertThat(wang.selectFirst("td[data-duty=FOUR_TRUE_RESEARCH]").attr("data-colour"))
                .isEqualTo("green");
        var chen = page.selectFirst("tr[data-assignee=rd1]");
        assertThat(chen.selectFirst("th").text()).isEqualTo("陈七");
        assertThat(chen.selectFirst("td[data-duty=PARTY_LECTURE] a").attr("href"))
                .isEqualTo("/office/obligations/o-rd?bureau=rd");
        assertThat(page.select("select[name=bureau] option").eachText()).containsExactly("南通市税务局", "如东县税务局");
    }

    @Test
    void theMatrixExportsToXlsx() throws Exception {
        var response =
                mvc.perform(get("/office/matrix.xlsx").with(OFFICE)).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType())
                .startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(response.getHeader("Content-Disposition"))
                .contains("attachment")
                .contains(".xlsx");
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("对支部党建工作提出指导意见");
            assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).isEqualTo("二季度");
            assertThat(sheet.getRow(2).getCell(1).getStringCellValue()).isEqualTo("王军");
            assertThat(sheet.getRow(2).getCell(2).getStringCellValue()).isEqualTo("已逾期");
        }
    }

    @Test
    void theOfficePagesAreTheOfficesAlone() throws Exception {
        for (String path :
                List.of("/office/matrix", "/office/rankings", "/office/matrix.xlsx", "/office/obligations/o-rd")) {
            assertThat(mvc.perform(get(path).with(FIRST_SECRETARY))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .as(path)
                    .isEqualTo(403);
        }
        assertThat(API.exchanges).noneMatch(e -> e.path().startsWith("/api/"));
    }

    @Test
    void aBureauTheApiRefusesShowsNothingOfIt() throws Exception {
        var response = mvc.perform(get("/office/matrix").param("bureau", "qd").with(OFFICE))
                .andReturn()
                .getResponse();

        assertThat(response.getStatus()).isEqualTo(404);
        var page = Jsoup.parse(response.getContentAsString());
        assertThat(page.selectFirst("main p").text()).isEqualTo("找不到这个页面，或者您无权查看。");
        assertThat(page.select("table")).isEmpty();

        var record = mvc.perform(get("/activities/a9").param("bureau", "qd").with(FIRST_SECRETARY))
                .andReturn()
                .getResponse();
        assertThat(record.getStatus()).isEqualTo(404);
        assertThat(API.sent("GET", "/api/v1/bureaus/qd/.*"))
                .allMatch(e ->
                        "Bearer token-fs1".equals(e.authorization()) || "Bearer token-of1".equals(e.authorization()));
    }

    @Test
    void theRankingsDrawAChartAndATableWithFlagsAndVetoes() throws Exception {
        var page = page(get("/office/rankings")
                .param("kind", "quarterly")
                .param("period", "2026-Q3")
                .with(OFFICE));

        assertThat(page.selectFirst("h2").text()).isEqualTo("2026年第三季度 · 季考夺旗");
        var chart = page.selectFirst("#ranking-chart").attr("data-chart");
        assertThat(chart).contains("\"type\":\"bar\"").contains("王军").contains("12.5");
        assertThat(page.select("tr[data-assignee=fs2] td").eachText()).contains("OVERDUE PARTY_LECTURE 2026-H1");
        assertThat(page.select("script[src]").eachAttr("src"))
                .anyMatch(src -> src.matches("/webjars/echarts/[0-9.]+/dist/echarts.min.js"));
        assertThat(API.sent("GET", "/api/v1/bureaus/nt/rankings"))
                .singleElement()
                .satisfies(e -> assertThat(e.query()).contains("period=2026-Q3"));
    }

    @Test
    void theInboxListsRemindersAndTheHeaderCountsTheUnread() throws Exception {
        var inbox = page(get("/inbox").with(FIRST_SECRETARY));
        assertThat(inbox.select(".message.unread strong").text()).isEqualTo("【第一书记工作提醒】专题党课辅导将于2026年12月31日到期");
        assertThat(inbox.select(".message .when").text()).isEqualTo("2026年8月2日 08:30");
        assertThat(inbox.select(".message a").attr("href")).isEqualTo("http://127.0.0.1:8080/obligations/o-lecture");

        var badge = page(get("/inbox/unread").with(FIRST_SECRETARY));
        assertThat(badge.select(".badge").text()).isEqualTo("1");

        API.json("PATCH /api/v1/bureaus/nt/members/fs1/inbox/d1", 200, """
                {"id":"d1","read":true}""");
        var read = mvc.perform(post("/inbox/d1/read").with(FIRST_SECRETARY).with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(read.getRedirectedUrl()).isEqualTo("/inbox");
        assertThat(API.sent("PATCH", "/api/v1/bureaus/nt/members/fs1/inbox/d1"))
                .singleElement()
                .satisfies(e -> assertThat(e.text()).isEqualTo("{\"read\":true}"));
    }

    @Test
    void aRecordShowsItsHistoryAndIsVoidedOnlyWithAReason() throws Exception {
        API.json("GET /api/v1/bureaus/nt/activities/a1", 200, """
                {"id":"a1","bureau":"nt","type":"PARTY_LECTURE","branch":"b1","actor":"fs1","occurredOn":"2026-07-01",
                 "title":"专题党课","participants":["m1","m4"],"attachments":[{"id":"att1","name":"讲稿.pdf","contentType":"application/pdf","size":10}],
                 "status":"ACTIVE","revision":2}""");
        API.json("GET /api/v1/bureaus/nt/activities/a1/history", 200, """
                {"items":[{"revision":1,"kind":"LOGGED","at":"2026-07-01T02:00:00Z","changed":[]},
                          {"revision":2,"kind":"CORRECTED","at":"2026-07-02T03:00:00Z","reason":"补充参加人员","changed":["participants"]}]}""");

        var page = page(get("/activities/a1").with(FIRST_SECRETARY));
        assertThat(page.selectFirst("h1").text()).isEqualTo("专题党课");
        assertThat(page.select("dl.facts").text()).contains("张三、赵六").contains("2026年7月1日");
        assertThat(page.select("a.attachment").attr("href")).isEqualTo("/attachments/att1");
        assertThat(page.select("ol.history li").eachText())
                .containsExactly("登记 2026年7月1日 10:00", "更正 2026年7月2日 11:00 ：补充参加人员");

        var noReason = mvc.perform(
                        post("/activities/a1/void").with(FIRST_SECRETARY).with(csrf()))
                .andReturn();
        assertThat(noReason.getResponse().getRedirectedUrl()).isEqualTo("/activities/a1");
        assertThat(noReason.getFlashMap().get("actionError")).isEqualTo("validation.reason");
        assertThat(API.sent("POST", "/api/v1/bureaus/nt/activities/a1/void")).isEmpty();

        API.json("POST /api/v1/bureaus/nt/activities/a1/void", 200, """
                {"id":"a1","status":"VOIDED","voidReason":"重复登记","revision":3}""");
        mvc.perform(post("/activities/a1/void")
                .param("reason", "重复登记")
                .with(FIRST_SECRETARY)
                .with(csrf()));
        assertThat(API.sent("POST", "/api/v1/bureaus/nt/activities/a1/void"))
                .singleElement()
                .satisfies(e -> assertThat(e.text()).isEqualTo("{\"reason\":\"重复登记\"}"));
    }

    @Test
    void whenThePlatformIsDownThePageSaysSoInChinese() throws Exception {
        API.json("GET /api/v1/bureaus/nt/obligations", 503, "{\"title\":\"Service Unavailable\",\"status\":503}");

        var response =
                mvc.perform(get("/duties").with(FIRST_SECRETARY)).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(Jsoup.parse(response.getContentAsString())
                        .selectFirst("main p")
                        .text())
                .isEqualTo("平台暂时无法访问，请稍后再试。");
    }

    private MockMultipartHttpServletRequestBuilder lectureSubmission(String key) {
        return multipart("/record")
                .file(new MockMultipartFile(
                        "attachments",
                        "讲稿.txt",
                        "text/plain",
                        "讲稿内容".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .with(FIRST_SECRETARY)
                .with(csrf())
                .header("HX-Request", "true")
                .param("obligation", Demo.LECTURE)
                .param("type", "PARTY_LECTURE")
                .param("branch", "b1")
                .param("occurredOn", "2026-08-03")
                .param("title", "专题党课")
                .param("participants", "m1", "m2")
                .param("idempotencyKey", key);
    }

    private static org.jsoup.nodes.Element card(Document page, String duty) {
        return page.selectFirst(".duty[data-duty=" + duty + "]");
    }

    private static String error(Document page, String field) {
        return page.selectFirst("[name=" + field + "]")
                .closest("div:has(.error-text), form")
                .select(".error-text")
                .text();
    }
}

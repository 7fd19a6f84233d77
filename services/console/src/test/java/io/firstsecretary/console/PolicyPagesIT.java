package io.firstsecretary.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The office's 职责目录 and 计分办法 against the stand-in API, on 2026年8月3日: the bureau {@code nt} keeps
 * the 六个一 of the 第一书记 work system (讲一次党课, 开展一次谈心谈话, 参加一次组织生活, 开展一次调研,
 * 办一件实事, 联系一个基层) in its own version 2026.2, with 2027.1 saved for next year, and scores them
 * for the labour competition under its policy 2026.2.
 */
class PolicyPagesIT extends StubbedPages {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static final String DUTIES = """
            [{"code":"ONE_LECTURE","name":"讲一次党课","scope":"ASSIGNMENT","owedBy":"FIRST_SECRETARY",
              "cadence":"HALF_YEAR","rule":"ACTIVITIES","fulfilledBy":["PARTY_LECTURE"],"minimumCount":1,
              "creditedTo":"LECTURER","dueBy":null,"graceDays":0},
             {"code":"ONE_TALK","name":"开展一次谈心谈话","scope":"ASSIGNMENT","owedBy":"FIRST_SECRETARY",
              "cadence":"QUARTER","rule":"ACTIVITIES","fulfilledBy":["TALK"],"minimumCount":1,
              "creditedTo":"ACTOR","dueBy":null,"graceDays":0},
             {"code":"ONE_ORG_LIFE","name":"参加一次组织生活","scope":"ASSIGNMENT","owedBy":"FIRST_SECRETARY",
              "cadence":"QUARTER","rule":"ACTIVITIES","fulfilledBy":["ORG_LIFE_MEETING","BRANCH_GENERAL_MEETING"],
              "minimumCount":1,"creditedTo":"ATTENDEE","dueBy":null,"graceDays":0},
             {"code":"ONE_RESEARCH","name":"开展一次调研","scope":"ASSIGNMENT","owedBy":"FIRST_SECRETARY",
              "cadence":"QUARTER","rule":"ACTIVITIES","fulfilledBy":["FOUR_TRUE_RESEARCH"],"minimumCount":1,
              "creditedTo":"ACTOR","dueBy":null,"graceDays":10},
             {"code":"ONE_DEED","name":"办一件实事","scope":"ASSIGNMENT","owedBy":"FIRST_SECRETARY",
              "cadence":"YEAR","rule":"ACTIVITIES","fulfilledBy":["SERVICE_VISIT"],"minimumCount":1,
              "creditedTo":"ACTOR","dueBy":"--12-20","graceDays":0},
             {"code":"ONE_CONTACT","name":"联系一个基层","scope":"ASSIGNMENT","owedBy":"FIRST_SECRETARY",
              "cadence":"HALF_YEAR","rule":"ACTIVITIES","fulfilledBy":["GUIDANCE_OPINION","REPORT_HEARING"],
              "minimumCount":1,"creditedTo":"ACTOR","dueBy":null,"graceDays":0},
             {"code":"MEMBER_TALK_COVERAGE","name":"支部党员谈心谈话全覆盖","scope":"ASSIGNMENT",
              "owedBy":"FIRST_SECRETARY","cadence":"YEAR","rule":"EVERY_MEMBER","fulfilledBy":[],"minimumCount":1,
              "creditedTo":"ACTOR","dueBy":null,"graceDays":0},
             {"code":"QUARTERLY_REVIEW","name":"按季度点评","scope":"ASSIGNMENT","owedBy":"BUREAU",
              "cadence":"QUARTER","rule":"REVIEW","fulfilledBy":[],"minimumCount":1,
              "creditedTo":"ACTOR","dueBy":null,"graceDays":15},
             {"code":"THEMED_PARTY_DAY","name":"主题党日","scope":"BRANCH","owedBy":"BRANCH",
              "cadence":"MONTH","rule":"ACTIVITIES","fulfilledBy":["THEMED_PARTY_DAY"],"minimumCount":1,
              "creditedTo":"BRANCH","dueBy":null,"graceDays":0}]""";

    static final String CATALOGUE = """
            {"bureau":"nt","savedAt":"2026-06-20T01:30:00Z",
             "value":{"version":"2026.2","effectiveFrom":"2026-07-01",
             "minimumCoverage":0.5,"branchSection":false,"duties":%s}}""".formatted(DUTIES);

    static final String POLICY = """
            {"bureau":"nt","savedAt":"2026-03-25T02:00:00Z",
             "value":{"version":"2026.2","effectiveFrom":"2026-04-01",
             "duties":{"ONE_LECTURE":{"onTime":5,"late":2.5},"ONE_TALK":{"onTime":3,"late":1.5},
                       "ONE_ORG_LIFE":{"onTime":3,"late":1.5},"ONE_RESEARCH":{"onTime":5,"late":2.5},
                       "ONE_DEED":{"onTime":8,"late":4},"YEAR_END_REPORT":{"onTime":5,"late":2.5}},
             "talkCoverage":{"duty":"MEMBER_TALK_COVERAGE","points":10},
             "reviewGrades":{"EXCELLENT":10,"GOOD":8,"FAIR":5,"POOR":0},
             "promotionBonus":{"BUREAU":1,"MUNICIPAL":3,"PROVINCIAL":5,"NATIONAL":8},
             "satisfactionPoints":10,"commitmentItem":{"achieved":2,"partlyAchieved":1},
             "vetoes":{"overdueDuty":true,"poorReview":true}}}""";

    @BeforeEach
    void answers() {
        API.json("GET /api/v1/bureaus/nt/catalogue", 200, CATALOGUE);
        API.json("GET /api/v1/bureaus/nt/catalogue/versions", 200, """
                {"items":[
                  {"bureau":"nt","savedAt":"2025-12-28T08:00:00Z",
                   "value":{"version":"2026.1","effectiveFrom":"2026-01-01",
                   "minimumCoverage":0.5,"branchSection":false,"duties":[]}},
                  %s,
                  {"bureau":"nt","savedAt":"2026-07-28T07:00:00Z",
                   "value":{"version":"2027.1","effectiveFrom":"2027-01-01",
                   "minimumCoverage":0.5,"branchSection":true,"duties":[]}}]}""".formatted(CATALOGUE));
        API.json("PUT /api/v1/bureaus/nt/catalogue/versions/.+", 200, """
                {"bureau":"nt","savedAt":"2026-08-03T02:00:00Z",
                 "value":{"version":"2026.3","effectiveFrom":"2026-10-01",
                 "minimumCoverage":0.5,"branchSection":true,"duties":[]}}""");
        API.json("GET /api/v1/bureaus/nt/scoring-policy", 200, POLICY);
        API.json("GET /api/v1/bureaus/nt/scoring-policy/versions", 200, """
                {"items":[
                  {"bureau":"nt","savedAt":"2025-12-30T02:00:00Z",
                   "value":{"version":"2026.1","effectiveFrom":"2026-01-01",
                   "duties":{},"talkCoverage":{"duty":"MEMBER_TALK_COVERAGE","points":10},"reviewGrades":{},
                   "promotionBonus":{},"satisfactionPoints":10,"commitmentItem":{"achieved":2,"partlyAchieved":1},
                   "vetoes":{"overdueDuty":true,"poorReview":true}}},
                  %s]}""".formatted(POLICY));
        API.json("PUT /api/v1/bureaus/nt/scoring-policy/versions/.+", 200, """
                {"bureau":"nt","savedAt":"2026-08-03T02:00:00Z",
                 "value":{"version":"2027.1","effectiveFrom":"2027-01-01",
                 "duties":{},"talkCoverage":{"duty":"MEMBER_TALK_COVERAGE","points":10},"reviewGrades":{},
                 "promotionBonus":{},"satisfactionPoints":10,"commitmentItem":{"achieved":2,"partlyAchieved":1},
                 "vetoes":{"overdueDuty":true,"poorReview":false}}}""");
    }

    @Test
    void theCatalogueInForceIsShownDutyByDutyWithTheBureausVersions() throws Exception {
        var page = page(get("/office/catalogue").with(OFFICE));

        assertThat(page.select("nav.tabs a").eachText()).containsExactly("职责目录", "计分办法");
        assertThat(page.selectFirst("nav.tabs a.active").text()).isEqualTo("职责目录");
        assertThat(page.selectFirst("dl.in-force").text()).contains("2026.2", "2026年7月1日", "本局制定", "不纳入考核", "50%");
        assertThat(page.select("table.duties tr[data-duty=ONE_LECTURE] td").eachText())
                .containsExactly("讲一次党课", "第一书记", "每半年", "专题党课 1 次", "期末", "在用");
        assertThat(page.select("table.duties tr[data-duty=ONE_ORG_LIFE] td").eachText())
                .contains("组织生活会、支部党员大会 1 次");
        assertThat(page.select("table.duties tr[data-duty=ONE_RESEARCH] td").eachText())
                .contains("期末后 10 天");
        assertThat(page.select("table.duties tr[data-duty=ONE_DEED] td").eachText())
                .contains("每年", "每年12月20日");
        assertThat(page.select("table.duties tr[data-duty=QUARTERLY_REVIEW] td").eachText())
                .containsExactly("按季度点评", "党建办", "每季度", "党建办季度点评", "期末后 15 天", "在用");
        assertThat(page.select("table.duties tr[data-duty=THEMED_PARTY_DAY] td").eachText())
                .contains("党支部", "未纳入");

        assertThat(page.select("table.versions tr[data-version]").eachAttr("data-version"))
                .containsExactly("2027.1", "2026.2", "2026.1");
        assertThat(page.select("table.versions tr[data-version=2027.1] td").eachText())
                .containsExactly("2027.1", "2027年1月1日", "2026年7月28日 15:00", "待生效");
        assertThat(page.selectFirst("table.versions tr[data-version=2026.2] .status")
                        .text())
                .isEqualTo("现行");
        assertThat(page.selectFirst("table.versions tr[data-version=2026.1] .status")
                        .text())
                .isEqualTo("已停用");

        assertThat(named(page, "effectiveFrom").val()).isEqualTo("2026-09-01");
        assertThat(named(page, "effectiveFrom").parent().select(".hint").text()).contains("将保存为 2026.3 版");
        assertThat(named(page, "minimumCoverage").val()).isEqualTo("50");
        assertThat(named(page, "branchSection").hasAttr("checked")).isFalse();
        assertThat(named(page, "duties[0].code").attr("type")).isEqualTo("hidden");
        assertThat(named(page, "duties[0].cadence")
                        .selectFirst("option[selected]")
                        .val())
                .isEqualTo("HALF_YEAR");
        assertThat(named(page, "duties[3].graceDays").val()).isEqualTo("10");
        assertThat(named(page, "duties[4].dueBy").val()).isEqualTo("12-20");
        assertThat(named(page, "duties[6].minimumCount"))
                .as("talks with every member are not counted")
                .isNull();
        assertThat(named(page, "duties[7].cadence")).as("a review is quarterly").isNull();
    }

    @Test
    void anEditIsSavedAsTheYearsNextVersionKeepingWhatTheFormDoesNotChange() throws Exception {
        var fields = fields(page(get("/office/catalogue").with(OFFICE)));
        fields.put("effectiveFrom", "2026-10-01");
        fields.put("branchSection", "true");
        fields.put("duties[3].graceDays", "15");
        fields.put("duties[4].dueBy", "12月31日");
        fields.put("duties[5].minimumCount", "2");

        var saved = submit("/office/catalogue", fields);

        assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/office/catalogue");
        assertThat(API.sent("PUT", "/api/v1/bureaus/nt/catalogue/versions/2026\\.3"))
                .singleElement()
                .satisfies(e -> {
                    JsonNode body = JSON.readTree(e.text());
                    assertThat(body.get("version").asString()).isEqualTo("2026.3");
                    assertThat(body.get("effectiveFrom").asString()).isEqualTo("2026-10-01");
                    assertThat(body.get("branchSection").asBoolean()).isTrue();
                    assertThat(body.get("minimumCoverage").asDouble()).isEqualTo(0.5);
                    assertThat(body.get("duties").size()).isEqualTo(9);
                    assertThat(body.at("/duties/3/graceDays").asInt()).isEqualTo(15);
                    assertThat(body.at("/duties/4/dueBy").asString()).isEqualTo("--12-31");
                    assertThat(body.at("/duties/5/minimumCount").asInt()).isEqualTo(2);
                    var lecture = body.at("/duties/0");
                    assertThat(lecture.get("code").asString()).isEqualTo("ONE_LECTURE");
                    assertThat(lecture.get("name").asString()).isEqualTo("讲一次党课");
                    assertThat(lecture.get("cadence").asString()).isEqualTo("HALF_YEAR");
                    assertThat(lecture.get("creditedTo").asString()).isEqualTo("LECTURER");
                    assertThat(lecture.at("/fulfilledBy/0").asString()).isEqualTo("PARTY_LECTURE");
                    assertThat(lecture.path("dueBy").asString(null)).isNull();
                    var review = body.at("/duties/7");
                    assertThat(review.get("rule").asString()).isEqualTo("REVIEW");
                    assertThat(review.get("cadence").asString()).isEqualTo("QUARTER");
                    assertThat(review.get("graceDays").asInt()).isEqualTo(15);
                });

        var after =
                page(get("/office/catalogue").flashAttrs(saved.getFlashMap()).with(OFFICE));
        assertThat(after.selectFirst(".notice.ok").text()).isEqualTo("已保存为 2026.3 版，自 2026年10月1日起生效。");
    }

    @Test
    void theConsoleShowsWhatIsWrongBesideEachFieldAndSendsNothing() throws Exception {
        var fields = fields(page(get("/office/catalogue").with(OFFICE)));
        fields.put("effectiveFrom", "2026-06-01");
        fields.put("minimumCoverage", "120");
        fields.put("duties[0].name", " ");
        fields.put("duties[1].dueBy", "12-31");
        fields.put("duties[4].dueBy", "13-01");
        fields.put("duties[3].graceDays", "400");
        fields.put("duties[5].minimumCount", "0");

        var page = page(submitted("/office/catalogue", fields));

        assertThat(page.selectFirst(".notice.bad").text()).isEqualTo("未保存，请检查标红的项目。");
        assertThat(error(page, "effectiveFrom")).isEqualTo("生效日期不能早于现行版本的生效日期");
        assertThat(error(page, "minimumCoverage")).isEqualTo("请填写 0 到 100 之间的比例");
        assertThat(error(page, "duties[0].name")).isEqualTo("请填写职责名称，不超过 100 个字");
        assertThat(error(page, "duties[1].dueBy")).isEqualTo("只有每年一次的职责可以设定固定截止日");
        assertThat(error(page, "duties[4].dueBy")).isEqualTo("请按“月-日”填写，如 12-31");
        assertThat(error(page, "duties[3].graceDays")).isEqualTo("宽限天数须为 0 到 366 之间的整数");
        assertThat(error(page, "duties[5].minimumCount")).isEqualTo("次数须为 1 到 99 之间的整数");
        assertThat(page.select(".field-error")).hasSize(7);
        assertThat(named(page, "duties[3].graceDays").val()).isEqualTo("400");
        assertThat(API.sent("PUT", ".*")).isEmpty();
    }

    @Test
    void theApisRefusalIsShownOnTheFieldItNames() throws Exception {
        API.json("PUT /api/v1/bureaus/nt/catalogue/versions/.+", 422, """
                {"title":"Unprocessable Content","status":422,"detail":"2 fields are invalid","errors":[
                  {"field":"duties[3].graceDays","pointer":"/duties/3/graceDays",
                   "message":"graceDays must be between 0 and 366"},
                  {"field":"duties[0].fulfilledBy[0]","pointer":"/duties/0/fulfilledBy/0",
                   "message":"must be one of GUIDANCE_OPINION, REPORT_HEARING"}]}""");
        var fields = fields(page(get("/office/catalogue").with(OFFICE)));

        var page = page(submitted("/office/catalogue", fields));

        assertThat(API.sent("PUT", "/api/v1/bureaus/nt/catalogue/versions/2026\\.3"))
                .hasSize(1);
        assertThat(error(page, "duties[3].graceDays")).isEqualTo("宽限天数须为 0 到 366 之间的整数");
        assertThat(page.select(".field-error")).hasSize(1);
        assertThat(page.select(".notice.bad").eachText())
                .contains("平台未接受这次修改：must be one of GUIDANCE_OPINION, REPORT_HEARING");
    }

    @Test
    void theScoringPolicyInForceIsShownWithItsVersions() throws Exception {
        var page = page(get("/office/scoring-policy").with(OFFICE));

        assertThat(page.selectFirst("nav.tabs a.active").text()).isEqualTo("计分办法");
        assertThat(page.selectFirst("dl.in-force").text()).contains("2026.2", "2026年4月1日", "本局制定");
        assertThat(page.select("table.points tr[data-duty]").eachAttr("data-duty"))
                .containsExactly(
                        "ONE_LECTURE",
                        "ONE_TALK",
                        "ONE_ORG_LIFE",
                        "ONE_RESEARCH",
                        "ONE_DEED",
                        "ONE_CONTACT",
                        "YEAR_END_REPORT",
                        "MEMBER_TALK_COVERAGE");
        assertThat(page.select("table.points tr[data-duty=ONE_DEED] td").eachText())
                .containsExactly("办一件实事", "8 分", "4 分");
        assertThat(page.select("table.points tr[data-duty=ONE_CONTACT] td").eachText())
                .containsExactly("联系一个基层", "不计分", "不计分");
        assertThat(page.select("table.points tr[data-duty=YEAR_END_REPORT] td").eachText())
                .containsExactly("年底述职", "5 分", "2.5 分");
        assertThat(page.select("table.points tr[data-duty=MEMBER_TALK_COVERAGE] td")
                        .eachText())
                .containsExactly("支部党员谈心谈话全覆盖", "按已谈心党员的比例计分，全覆盖得 10 分");
        assertThat(page.select(".reviews dt").eachText()).containsExactly("优秀", "良好", "一般", "较差");
        assertThat(page.select(".reviews dd").eachText()).containsExactly("10 分", "8 分", "5 分", "0 分");
        assertThat(page.select(".promotion dd").eachText()).containsExactly("不加分", "1 分", "3 分", "5 分", "8 分");
        assertThat(page.select(".others dd").eachText()).containsExactly("满意率 × 10 分", "2 分", "1 分");
        assertThat(page.select(".vetoes dd").eachText()).containsExactly("否决", "否决");
        assertThat(page.select("table.versions tr[data-version] .status").eachText())
                .containsExactly("现行", "已停用");

        assertThat(named(page, "duties[4].onTime").val()).isEqualTo("8");
        assertThat(named(page, "duties[0].late").val()).isEqualTo("2.5");
        assertThat(named(page, "duties[5].onTime").val()).isEmpty();
        assertThat(named(page, "promotionBonus[0].points").val()).isEmpty();
        assertThat(named(page, "overdueDutyVeto").hasAttr("checked")).isTrue();
        assertThat(named(page, "effectiveFrom").parent().select(".hint").text()).contains("将保存为 2026.3 版");
    }

    @Test
    void aScoringEditIsSavedAsANewVersionOfItsYear() throws Exception {
        var fields = fields(page(get("/office/scoring-policy").with(OFFICE)));
        fields.put("effectiveFrom", "2027-01-01");
        fields.put("duties[4].onTime", "10");
        fields.put("duties[4].late", "5");
        fields.put("duties[5].onTime", "3");
        fields.put("duties[5].late", "1.5");
        fields.put("reviewGrades[1].points", "7.5");
        fields.put("promotionBonus[0].points", "0.5");
        fields.remove("poorReviewVeto");

        var saved = submit("/office/scoring-policy", fields);

        assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/office/scoring-policy");
        assertThat(API.sent("PUT", "/api/v1/bureaus/nt/scoring-policy/versions/2027\\.1"))
                .singleElement()
                .satisfies(e -> {
                    JsonNode body = JSON.readTree(e.text());
                    assertThat(body.get("version").asString()).isEqualTo("2027.1");
                    assertThat(body.get("effectiveFrom").asString()).isEqualTo("2027-01-01");
                    assertThat(body.get("duties").size()).isEqualTo(7);
                    assertThat(body.at("/duties/ONE_DEED/onTime").asDouble()).isEqualTo(10);
                    assertThat(body.at("/duties/ONE_DEED/late").asDouble()).isEqualTo(5);
                    assertThat(body.at("/duties/ONE_CONTACT/late").asDouble()).isEqualTo(1.5);
                    assertThat(body.at("/duties/ONE_LECTURE/late").asDouble()).isEqualTo(2.5);
                    assertThat(body.at("/duties/YEAR_END_REPORT/onTime").asDouble())
                            .isEqualTo(5);
                    assertThat(body.at("/talkCoverage/duty").asString()).isEqualTo("MEMBER_TALK_COVERAGE");
                    assertThat(body.at("/talkCoverage/points").asDouble()).isEqualTo(10);
                    assertThat(body.at("/reviewGrades/GOOD").asDouble()).isEqualTo(7.5);
                    assertThat(body.at("/reviewGrades/POOR").asDouble()).isEqualTo(0);
                    assertThat(body.at("/promotionBonus/BRANCH").asDouble()).isEqualTo(0.5);
                    assertThat(body.at("/promotionBonus/NATIONAL").asDouble()).isEqualTo(8);
                    assertThat(body.get("satisfactionPoints").asDouble()).isEqualTo(10);
                    assertThat(body.at("/commitmentItem/partlyAchieved").asDouble())
                            .isEqualTo(1);
                    assertThat(body.at("/vetoes/overdueDuty").asBoolean()).isTrue();
                    assertThat(body.at("/vetoes/poorReview").asBoolean()).isFalse();
                });

        var after = page(
                get("/office/scoring-policy").flashAttrs(saved.getFlashMap()).with(OFFICE));
        assertThat(after.selectFirst(".notice.ok").text()).isEqualTo("已保存为 2027.1 版，自 2027年1月1日起生效。");
    }

    @Test
    void badPointsAreShownOnTheirFieldsWhetherTheConsoleOrTheApiFindsThem() throws Exception {
        var shown = fields(page(get("/office/scoring-policy").with(OFFICE)));
        var fields = new LinkedHashMap<>(shown);
        fields.put("effectiveFrom", "2026-03-01");
        fields.put("duties[0].onTime", "-1");
        fields.put("duties[1].late", "9");
        fields.put("duties[5].late", "1");
        fields.put("reviewGrades[3].points", "");

        var page = page(submitted("/office/scoring-policy", fields));

        assertThat(error(page, "effectiveFrom")).isEqualTo("生效日期不能早于现行版本的生效日期");
        assertThat(error(page, "duties[0].onTime")).isEqualTo("请填写 0 到 1000 之间的数");
        assertThat(error(page, "duties[1].late")).isEqualTo("逾期完成的得分不能高于按时完成");
        assertThat(error(page, "duties[5].onTime")).isEqualTo("请填写 0 到 1000 之间的数");
        assertThat(error(page, "reviewGrades[3].points")).isEqualTo("请填写 0 到 1000 之间的数");
        assertThat(page.select(".field-error")).hasSize(5);
        assertThat(API.sent("PUT", ".*")).isEmpty();

        API.json("PUT /api/v1/bureaus/nt/scoring-policy/versions/.+", 422, """
                {"title":"Unprocessable Content","status":422,"detail":"2 fields are invalid","errors":[
                  {"field":"duties.ONE_DEED.late","pointer":"/duties/ONE_DEED/late",
                   "message":"late work cannot earn more than on time"},
                  {"field":"promotionBonus.NATIONAL","pointer":"/promotionBonus/NATIONAL",
                   "message":"points must be between 0 and 1000"}]}""");
        var refused = page(submitted("/office/scoring-policy", shown));

        assertThat(API.sent("PUT", "/api/v1/bureaus/nt/scoring-policy/versions/2026\\.3"))
                .hasSize(1);
        assertThat(error(refused, "duties[4].late")).isEqualTo("逾期完成的得分不能高于按时完成");
        assertThat(error(refused, "promotionBonus[4].points")).isEqualTo("请填写 0 到 1000 之间的数");
        assertThat(refused.select(".field-error")).hasSize(2);
    }

    @Test
    void aFirstSecretaryCanNeitherSeeNorChangeThem() throws Exception {
        for (String path : new String[] {"/office/catalogue", "/office/scoring-policy"}) {
            assertThat(mvc.perform(get(path).with(FIRST_SECRETARY))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .as(path)
                    .isEqualTo(403);
            assertThat(mvc.perform(post(path)
                                    .param("effectiveFrom", "2026-09-01")
                                    .with(FIRST_SECRETARY)
                                    .with(csrf()))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .as(path)
                    .isEqualTo(403);
        }
        assertThat(API.exchanges).noneMatch(e -> e.path().startsWith("/api/"));
    }

    /** What the browser sends for the page's form as shown: every field, the ticked boxes only. */
    private static Map<String, String> fields(Document page) {
        var fields = new LinkedHashMap<String, String>();
        for (Element field : page.select("form.record input[name], form.record select[name]")) {
            boolean unticked = field.attr("type").equals("checkbox") && !field.hasAttr("checked");
            if (!unticked && !field.attr("name").equals("_csrf")) {
                var chosen = field.selectFirst("option[selected]");
                fields.put(field.attr("name"), chosen != null ? chosen.val() : field.val());
            }
        }
        return fields;
    }

    private MvcResult submit(String path, Map<String, String> fields) throws Exception {
        return mvc.perform(submitted(path, fields)).andReturn();
    }

    private static RequestBuilder submitted(String path, Map<String, String> fields) {
        var request = post(path).with(OFFICE).with(csrf());
        fields.forEach(request::param);
        return request;
    }

    private static Element named(Document page, String name) {
        return page.selectFirst("[name=\"" + name + "\"]");
    }

    /** The message under a field, whose box is marked as wrong. */
    private static String error(Document page, String name) {
        var box = named(page, name).parent();
        assertThat(box.hasClass("field-error")).as(name).isTrue();
        return box.select(".error-text").text();
    }
}

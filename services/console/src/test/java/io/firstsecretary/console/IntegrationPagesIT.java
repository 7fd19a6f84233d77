package io.firstsecretary.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The office's integration pages against the stand-in API: the reminder policy, the webhooks and the
 * integration clients, what each shows, sends, refuses on its fields in Chinese, and the secrets shown once.
 */
class IntegrationPagesIT extends StubbedPages {

    static final String POLICY = "/api/v1/bureaus/nt/reminder-policy";
    static final String WEBHOOKS = "/api/v1/bureaus/nt/webhooks";
    static final String CLIENTS = "/api/v1/bureaus/nt/clients";
    static final String WEBHOOK_SECRET = "whsec_q8Zt3mWbL0c9VYkR2pX7nJfA1sDe4HuG6iKoMy5TwQA=";
    static final String CLIENT_SECRET = "Jx4pQ9vT2mL7sW0aZ3kR8nB6yH1cF5dE-gUoIi_tVwM";

    @BeforeEach
    void answers() {
        API.json("GET " + POLICY, 200, """
                {"dueSoonDays":[14,3],"overdueDays":1,"quietHours":{"from":"22:00","to":"07:00"},
                 "escalateTo":["PARTY_BUILDING_OFFICE","BRANCH_SECRETARY"],"guidanceFeedbackDays":30,
                 "rectificationDaysBefore":[7,1],"digest":{"day":"MONDAY","at":"08:30"}}""");
        API.json("GET " + WEBHOOKS, 200, """
                {"items":[
                  {"id":"wh_5b1c","url":"https://oa.nantong-tax.example/firstsec/hooks","events":["DUE_SOON","OVERDUE"],
                   "enabled":true,"createdAt":"2026-07-01T02:00:00Z"},
                  {"id":"wh_9e2d","url":"https://sms.nantong-tax.example/notify","events":["*"],"enabled":false,
                   "disabledReason":"8 failed attempts in a row","createdAt":"2026-06-15T06:30:00Z"}],
                 "page":0,"size":20,"total":2}""");
        API.json("GET " + CLIENTS, 200, """
                {"items":[
                  {"clientId":"nt-office","name":"南通市税务局党建办","bureau":"nt","roles":["PARTY_BUILDING_OFFICE"],
                   "scopes":[],"createdBy":"installation","createdAt":"2026-01-05T01:00:00Z"},
                  {"clientId":"nt-3f9a1c2e","name":"南通市局 OA 系统","bureau":"nt","roles":[],
                   "scopes":["events:read","directory:read"],"createdBy":"of1","createdAt":"2026-03-02T01:30:00Z",
                   "tokenLifetime":"PT10M"},
                  {"clientId":"nt-77d0b4aa","name":"旧短信网关","bureau":"nt","roles":["AUDITOR"],"scopes":[],
                   "createdBy":"of1","createdAt":"2026-02-10T08:00:00Z","revokedAt":"2026-07-20T09:30:00Z"}],
                 "page":0,"size":20,"total":3}""");
    }

    @Test
    void theReminderPolicyIsShownAndSavedAsTheOfficeSetsIt() throws Exception {
        API.json("PUT " + POLICY, 200, """
                {"dueSoonDays":[14,7,3],"overdueDays":2,"quietHours":{"from":"22:30","to":"06:30"},
                 "escalateTo":["PARTY_BUILDING_OFFICE"],"guidanceFeedbackDays":15,"rectificationDaysBefore":[],
                 "digest":{"day":"FRIDAY","at":"16:30"}}""");

        var page = page(get("/office/reminder-policy").with(OFFICE));
        assertThat(page.selectFirst("input[name=dueSoonDays]").val()).isEqualTo("14、3");
        assertThat(page.selectFirst("input[name=overdueDays]").val()).isEqualTo("1");
        assertThat(page.selectFirst("input[name=quietFrom]").val()).isEqualTo("22:00");
        assertThat(page.selectFirst("input[name=quietTo]").val()).isEqualTo("07:00");
        assertThat(page.select("input[name=escalateTo][checked]").eachAttr("value"))
                .containsExactly("PARTY_BUILDING_OFFICE", "BRANCH_SECRETARY");
        assertThat(page.select(".choices label").eachText()).containsExactly("本局党建办", "所在支部的支部书记");
        assertThat(page.selectFirst("input[name=guidanceFeedbackDays]").val()).isEqualTo("30");
        assertThat(page.selectFirst("input[name=rectificationDaysBefore]").val())
                .isEqualTo("7、1");
        assertThat(page.selectFirst("select[name=digestDay] option[selected]").text())
                .isEqualTo("星期一");
        assertThat(page.selectFirst("input[name=digestAt]").val()).isEqualTo("08:30");
        assertThat(page.select("label[for=overdueDays]").text()).isEqualTo("逾期提醒（截止后天数）");
        assertThat(page.select("nav.tabs a").eachText()).containsExactly("订阅推送", "系统对接客户端", "提醒规则");
        assertThat(page.select("nav.tabs a.active").text()).isEqualTo("提醒规则");
        assertThat(page.select("header nav a.active").attr("href")).isEqualTo("/office/webhooks");
        assertThat(page.select("header nav a.active").text()).isEqualTo("对接");

        var saved = mvc.perform(post("/office/reminder-policy")
                        .param("dueSoonDays", "14，7、3")
                        .param("overdueDays", "2")
                        .param("quietFrom", "22:30")
                        .param("quietTo", "06:30")
                        .param("escalateTo", "PARTY_BUILDING_OFFICE")
                        .param("guidanceFeedbackDays", "15")
                        .param("rectificationDaysBefore", "")
                        .param("digestDay", "FRIDAY")
                        .param("digestAt", "16:30")
                        .with(OFFICE)
                        .with(csrf()))
                .andReturn();
        assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/office/reminder-policy");
        assertThat(saved.getFlashMap().get("done")).isEqualTo("policy.saved");
        assertThat(API.sent("PUT", POLICY))
                .singleElement()
                .satisfies(e -> assertThat(e.text())
                        .isEqualTo("{\"dueSoonDays\":[14,7,3],\"overdueDays\":2,"
                                + "\"quietHours\":{\"from\":\"22:30\",\"to\":\"06:30\"},"
                                + "\"escalateTo\":[\"PARTY_BUILDING_OFFICE\"],\"guidanceFeedbackDays\":15,"
                                + "\"rectificationDaysBefore\":[],\"digest\":{\"day\":\"FRIDAY\",\"at\":\"16:30\"}}"));

        var notice = page(
                get("/office/reminder-policy").flashAttr("done", "policy.saved").with(OFFICE));
        assertThat(notice.selectFirst(".notice.ok").text()).isEqualTo("提醒规则已保存，尚未发出的提醒已按新规则重新安排。");
    }

    @Test
    void blankQuietHoursAndNoDigestDaySendNeither() throws Exception {
        API.json("PUT " + POLICY, 200, "{\"dueSoonDays\":[],\"overdueDays\":0,\"quietHours\":null,\"digest\":null}");

        mvc.perform(post("/office/reminder-policy")
                .param("dueSoonDays", "")
                .param("overdueDays", "0")
                .param("quietFrom", "")
                .param("quietTo", "")
                .param("guidanceFeedbackDays", "30")
                .param("rectificationDaysBefore", "3")
                .param("digestDay", "")
                .param("digestAt", "08:30")
                .with(OFFICE)
                .with(csrf()));

        assertThat(API.sent("PUT", POLICY))
                .singleElement()
                .satisfies(e -> assertThat(e.text())
                        .contains(
                                "\"dueSoonDays\":[]",
                                "\"overdueDays\":0",
                                "\"escalateTo\":[]",
                                "\"rectificationDaysBefore\":[3]")
                        .doesNotContain("\"from\"", "\"day\""));
    }

    @Test
    void thePolicyFormRefusesOnTheFieldInChineseAndSendsNothing() throws Exception {
        var page = page(post("/office/reminder-policy")
                .param("dueSoonDays", "14、十")
                .param("overdueDays", "45")
                .param("quietFrom", "22:00")
                .param("quietTo", "")
                .param("guidanceFeedbackDays", "")
                .param("rectificationDaysBefore", "7 7")
                .param("digestDay", "FRIDAY")
                .param("digestAt", "下午四点")
                .with(OFFICE)
                .with(csrf()));

        assertThat(page.selectFirst(".notice.bad").text()).isEqualTo("提交未成功，请检查标红的项目。");
        assertThat(error(page, "dueSoonDays")).isEqualTo("请填写 1 到 90 之间的整数天数，多个用逗号或顿号分隔");
        assertThat(error(page, "overdueDays")).isEqualTo("请填写 0 到 30 之间的整数");
        assertThat(error(page, "quietFrom")).isEmpty();
        assertThat(error(page, "quietTo")).isEqualTo("请填写此项");
        assertThat(error(page, "guidanceFeedbackDays")).isEqualTo("请填写此项");
        assertThat(error(page, "rectificationDaysBefore")).isEqualTo("7 天填写了两次");
        assertThat(error(page, "digestDay")).isEmpty();
        assertThat(error(page, "digestAt")).isEqualTo("请填写时间，如 22:00");
        assertThat(page.selectFirst("input[name=overdueDays]").val())
                .as("kept as typed")
                .isEqualTo("45");
        assertThat(API.sent("PUT", POLICY)).isEmpty();

        var tooMany = page(post("/office/reminder-policy")
                .param("dueSoonDays", "30、14、7、3、2、1")
                .param("overdueDays", "1")
                .param("quietFrom", "07:00")
                .param("quietTo", "07:00")
                .param("guidanceFeedbackDays", "30")
                .with(OFFICE)
                .with(csrf()));
        assertThat(error(tooMany, "dueSoonDays")).isEqualTo("最多填写 5 个");
        assertThat(error(tooMany, "quietTo")).isEqualTo("开始和结束不能是同一时间");
        assertThat(API.sent("PUT", POLICY)).isEmpty();
    }

    @Test
    void thePolicysRefusalByTheApiIsShownOnTheFieldsItNames() throws Exception {
        API.json("PUT " + POLICY, 422, """
                {"title":"Unprocessable Content","status":422,
                 "detail":"digest.at: digest.at must be a time like 22:00; escalateTo[0]: must be one of …",
                 "errors":[{"field":"digest.at","pointer":"/digest/at","message":"digest.at must be a time like 22:00"},
                           {"field":"escalateTo[0]","pointer":"/escalateTo/0",
                            "message":"must be one of PARTY_BUILDING_OFFICE, BRANCH_SECRETARY"}]}""");

        var page = page(post("/office/reminder-policy")
                .param("dueSoonDays", "14、3")
                .param("overdueDays", "1")
                .param("escalateTo", "BRANCH_SECRETARY")
                .param("guidanceFeedbackDays", "30")
                .param("digestDay", "MONDAY")
                .param("digestAt", "08:30")
                .with(OFFICE)
                .with(csrf()));

        assertThat(error(page, "digestAt")).isEqualTo("此项有误：digest.at must be a time like 22:00");
        assertThat(error(page, "escalateTo")).isEqualTo("此项有误：must be one of PARTY_BUILDING_OFFICE, BRANCH_SECRETARY");
        assertThat(page.select("input[name=escalateTo][checked]").eachAttr("value"))
                .containsExactly("BRANCH_SECRETARY");
        assertThat(API.sent("PUT", POLICY)).hasSize(1);
    }

    @Test
    void theWebhooksAreListedAndANewOnesSecretIsShownOnce() throws Exception {
        API.json("POST " + WEBHOOKS, 201, """
                {"id":"wh_7f3a","url":"https://oa.nantong-tax.example/firstsec/reminders",
                 "events":["DUE_SOON","OVERDUE","ESCALATION"],"secret":"%s","enabled":true,
                 "createdAt":"2026-08-03T02:00:00Z"}""".formatted(WEBHOOK_SECRET));

        var page = page(get("/office/webhooks").with(OFFICE));
        assertThat(page.select("tr[data-webhook=wh_5b1c] td").eachText())
                .startsWith("https://oa.nantong-tax.example/firstsec/hooks", "即将到期提醒、逾期提醒", "推送中", "2026年7月1日 10:00");
        assertThat(page.select("tr[data-webhook=wh_9e2d] td").eachText())
                .contains("全部", "已停用 8 failed attempts in a row", "2026年6月15日 14:30");
        assertThat(page.select("nav.tabs a.active").text()).isEqualTo("订阅推送");
        assertThat(page.select("input[name=events]").eachAttr("value"))
                .containsExactly("*", "DUE_SOON", "OVERDUE", "ESCALATION", "FOLLOW_UP", "DIGEST");
        assertThat(page.select("#webhook-secret")).isEmpty();
        assertThat(API.sent("GET", WEBHOOKS))
                .singleElement()
                .satisfies(e -> assertThat(e.query()).isEqualTo("page=0&size=20"));

        var created = page(post("/office/webhooks")
                .param("url", " https://oa.nantong-tax.example/firstsec/reminders ")
                .param("events", "DUE_SOON", "ESCALATION", "OVERDUE")
                .with(OFFICE)
                .with(csrf()));
        assertThat(API.sent("POST", WEBHOOKS))
                .singleElement()
                .satisfies(e -> assertThat(e.text())
                        .isEqualTo("{\"url\":\"https://oa.nantong-tax.example/firstsec/reminders\","
                                + "\"events\":[\"DUE_SOON\",\"OVERDUE\",\"ESCALATION\"]}"));
        assertThat(created.selectFirst("#webhook-secret").val()).isEqualTo(WEBHOOK_SECRET);
        assertThat(created.select(".secret-once").text())
                .contains("已登记接口：https://oa.nantong-tax.example/firstsec/reminders", "只显示这一次");
        assertThat(created.select("form[action=/office/webhooks]"))
                .as("no second registration of it")
                .isEmpty();

        var again =
                mvc.perform(get("/office/webhooks").with(OFFICE)).andReturn().getResponse();
        assertThat(again.getContentAsString()).doesNotContain(WEBHOOK_SECRET);

        page(post("/office/webhooks")
                .param("url", "https://sms.nantong-tax.example/notify")
                .param("events", "DIGEST", "*")
                .with(OFFICE)
                .with(csrf()));
        assertThat(API.sent("POST", WEBHOOKS).get(1).text()).contains("\"events\":[\"*\"]");
    }

    @Test
    void theWebhookFormRefusesOnTheFieldInChineseAndSendsNothing() throws Exception {
        var page = page(post("/office/webhooks")
                .param("url", "http://oa.nantong-tax.example/firstsec/hooks")
                .with(OFFICE)
                .with(csrf()));

        assertThat(error(page, "url")).isEqualTo("请填写以 https:// 开头的完整地址，不超过 2000 个字符，不含用户名和密码");
        assertThat(error(page, "events")).isEqualTo("请至少选择一类提醒");
        assertThat(page.selectFirst("input[name=url]").val()).isEqualTo("http://oa.nantong-tax.example/firstsec/hooks");
        var blank = page(post("/office/webhooks")
                .param("url", "")
                .param("events", "OVERDUE")
                .with(OFFICE)
                .with(csrf()));
        assertThat(error(blank, "url")).isEqualTo("请填写此项");
        assertThat(blank.select("input[name=events][checked]").eachAttr("value"))
                .containsExactly("OVERDUE");
        assertThat(API.sent("POST", WEBHOOKS)).isEmpty();
    }

    @Test
    void theApisRefusalOfAWebhookIsShownOnThePage() throws Exception {
        API.json("POST " + WEBHOOKS, 422, """
                {"title":"Unprocessable Content","status":422,
                 "detail":"url: the host oa.nantong-tax.example resolves to 10.12.0.8, which is not a public address",
                 "errors":[{"field":"url","pointer":"/url","message":
                   "the host oa.nantong-tax.example resolves to 10.12.0.8, which is not a public address"}]}""");
        var refused = page(register());
        assertThat(error(refused, "url"))
                .isEqualTo("此项有误：the host oa.nantong-tax.example resolves to 10.12.0.8, which is not a public address");

        API.json("POST " + WEBHOOKS, 409, """
                {"title":"Conflict","status":409,
                 "detail":"Bureau nt has 20 webhooks, the most it may have: delete one first",
                 "errors":[{"field":"url","pointer":"/url",
                            "message":"Bureau nt has 20 webhooks, the most it may have: delete one first"}]}""");
        var full = page(register());
        assertThat(full.selectFirst(".notice.bad").text()).isEqualTo("本局登记的接口已达上限，请先删除不再使用的接口。");
        assertThat(error(full, "url")).isEmpty();
        assertThat(full.select("#webhook-secret")).isEmpty();
    }

    @Test
    void aWebhookIsDeletedOnceTheOfficeConfirms() throws Exception {
        API.json("DELETE " + WEBHOOKS + "/wh_5b1c", 204, "");

        var page = page(get("/office/webhooks").with(OFFICE));
        var confirm = page.selectFirst("tr[data-webhook=wh_5b1c] details.action");
        assertThat(confirm.selectFirst("summary").text()).isEqualTo("删除");
        assertThat(confirm.selectFirst("form").attr("method")).isEqualTo("post");
        assertThat(confirm.selectFirst("form").attr("action")).isEqualTo("/office/webhooks/wh_5b1c/delete");
        assertThat(confirm.selectFirst("form input[name=_csrf]")).isNotNull();
        assertThat(confirm.select("form").text())
                .contains("删除后不再向 https://oa.nantong-tax.example/firstsec/hooks 推送提醒。", "确定删除");

        var deleted = mvc.perform(
                        post("/office/webhooks/wh_5b1c/delete").with(OFFICE).with(csrf()))
                .andReturn();
        assertThat(deleted.getResponse().getRedirectedUrl()).isEqualTo("/office/webhooks");
        assertThat(deleted.getFlashMap().get("done")).isEqualTo("webhooks.deleted");
        assertThat(API.sent("DELETE", WEBHOOKS + "/wh_5b1c")).hasSize(1);

        var gone = mvc.perform(
                        post("/office/webhooks/wh_0000/delete").with(OFFICE).with(csrf()))
                .andReturn();
        assertThat(gone.getResponse().getRedirectedUrl()).as("deleted already").isEqualTo("/office/webhooks");
    }

    @Test
    void theClientsAreListedWithTheirGrantsInChinese() throws Exception {
        var page = page(get("/office/clients").with(OFFICE));

        assertThat(page.select("tr[data-client=nt-3f9a1c2e] td").eachText())
                .startsWith("南通市局 OA 系统", "nt-3f9a1c2e", "读取业务事件、读取组织架构", "10 分钟", "2026年3月2日 09:30", "有效");
        var revoked = page.selectFirst("tr[data-client=nt-77d0b4aa]");
        assertThat(revoked.select("td").eachText()).contains("审计（只读本局及下级单位）", "平台默认", "已于 2026年7月20日 17:30 吊销");
        assertThat(revoked.select("form")).as("revoked already").isEmpty();
        assertThat(page.select("tr[data-client=nt-office] td").eachText()).contains("党建办");
        assertThat(page.select("input[name=roles]").eachAttr("value")).containsExactly("AUDITOR");
        assertThat(page.select("input[name=scopes]").eachAttr("value"))
                .contains("events:read", "notifications:manage")
                .doesNotContain("operate", "self", "clients:manage");
        assertThat(page.select("nav.tabs a.active").text()).isEqualTo("系统对接客户端");
    }

    @Test
    void aNewClientsSecretIsShownOnceWithTheTokenEndpointAndACurlExample() throws Exception {
        API.json("POST " + CLIENTS, 201, """
                {"clientId":"nt-5c8e2d10","clientSecret":"%s","name":"南通市局数据仓库","bureau":"nt","roles":[],
                 "scopes":["activities:read","assessment:read"],"createdBy":"of1","createdAt":"2026-08-03T02:00:00Z",
                 "tokenEndpoint":"https://id.nantong-tax.example/oauth2/token"}""".formatted(CLIENT_SECRET));

        var created = page(post("/office/clients")
                .param("name", " 南通市局数据仓库 ")
                .param("scopes", "assessment:read", "activities:read", "operate")
                .param("lifetime", "10")
                .with(OFFICE)
                .with(csrf()));

        assertThat(API.sent("POST", CLIENTS))
                .singleElement()
                .satisfies(e -> assertThat(e.text())
                        .isEqualTo("{\"name\":\"南通市局数据仓库\",\"scopes\":[\"activities:read\",\"assessment:read\"],"
                                + "\"roles\":[],\"tokenLifetime\":\"PT10M\"}"));
        assertThat(created.selectFirst("#client-id").val()).isEqualTo("nt-5c8e2d10");
        assertThat(created.selectFirst("#client-secret").val()).isEqualTo(CLIENT_SECRET);
        assertThat(created.selectFirst("#token-endpoint").val())
                .isEqualTo("https://id.nantong-tax.example/oauth2/token");
        assertThat(created.selectFirst("#client-curl").text())
                .isEqualTo("curl -s -u 'nt-5c8e2d10:" + CLIENT_SECRET
                        + "' -d grant_type=client_credentials https://id.nantong-tax.example/oauth2/token");
        assertThat(created.select(".secret-once").text()).contains("已创建客户端：南通市局数据仓库", "只显示这一次");
        assertThat(created.select("form[action=/office/clients]")).isEmpty();

        var again = mvc.perform(get("/office/clients").with(OFFICE)).andReturn().getResponse();
        assertThat(again.getContentAsString()).doesNotContain(CLIENT_SECRET);

        page(post("/office/clients")
                .param("name", "审计署数据接口")
                .param("roles", "AUDITOR")
                .with(OFFICE)
                .with(csrf()));
        assertThat(API.sent("POST", CLIENTS).get(1).text())
                .contains("\"scopes\":[]", "\"roles\":[\"AUDITOR\"]")
                .doesNotContain("PT");
    }

    @Test
    void theClientFormRefusesOnTheFieldInChineseAndSendsNothing() throws Exception {
        var page = page(post("/office/clients")
                .param("name", "  ")
                .param("scopes", "operate")
                .param("lifetime", "900")
                .with(OFFICE)
                .with(csrf()));

        assertThat(error(page, "name")).isEqualTo("请填写此项");
        assertThat(error(page, "scopes")).isEqualTo("请至少选择一项角色或授权范围");
        assertThat(error(page, "lifetime")).isEqualTo("请填写 1 到 720 之间的整数分钟数；不填则用平台默认");
        assertThat(page.selectFirst("input[name=lifetime]").val()).isEqualTo("900");

        var tooLong = page(post("/office/clients")
                .param("name", "南".repeat(101))
                .param("scopes", "events:read")
                .with(OFFICE)
                .with(csrf()));
        assertThat(error(tooLong, "name")).isEqualTo("名称最多 100 个字");
        assertThat(tooLong.select("input[name=scopes][checked]").eachAttr("value"))
                .containsExactly("events:read");
        assertThat(API.sent("POST", CLIENTS)).isEmpty();
    }

    @Test
    void theApisRefusalOfAClientIsShownOnThePage() throws Exception {
        API.json("POST " + CLIENTS, 422, """
                {"title":"Unprocessable Content","status":422,
                 "detail":"scopes[1]: you do not hold directory:write yourself",
                 "errors":[{"field":"scopes[1]","pointer":"/scopes/1",
                            "message":"you do not hold directory:write yourself"}]}""");
        var refused = page(create());
        assertThat(error(refused, "scopes")).isEqualTo("此项有误：you do not hold directory:write yourself");

        API.json("POST " + CLIENTS, 409, """
                {"title":"Conflict","status":409,"detail":"bureau nt already has 50 clients: revoke one first",
                 "errors":[{"field":"bureau","pointer":"/bureau",
                            "message":"bureau nt already has 50 clients: revoke one first"}]}""");
        var full = page(create());
        assertThat(full.selectFirst(".notice.bad").text()).isEqualTo("本局的客户端已达上限，请先吊销不再使用的客户端。");
        assertThat(full.select("#client-secret")).isEmpty();
    }

    @Test
    void aClientIsRevokedOnceTheOfficeConfirms() throws Exception {
        API.json("DELETE " + CLIENTS + "/nt-3f9a1c2e", 204, "");

        var page = page(get("/office/clients").with(OFFICE));
        var confirm = page.selectFirst("tr[data-client=nt-3f9a1c2e] details.action");
        assertThat(confirm.selectFirst("summary").text()).isEqualTo("吊销");
        assertThat(confirm.selectFirst("form").attr("action")).isEqualTo("/office/clients/nt-3f9a1c2e/revoke");
        assertThat(confirm.select("form").text()).contains("吊销后“南通市局 OA 系统”不能再换取令牌");

        var revoked = mvc.perform(
                        post("/office/clients/nt-3f9a1c2e/revoke").with(OFFICE).with(csrf()))
                .andReturn();
        assertThat(revoked.getResponse().getRedirectedUrl()).isEqualTo("/office/clients");
        assertThat(revoked.getFlashMap().get("done")).isEqualTo("clients.revoked");
        assertThat(API.sent("DELETE", CLIENTS + "/nt-3f9a1c2e")).hasSize(1);
    }

    @Test
    void aFirstSecretaryReachesNoneOfThem() throws Exception {
        for (String path : List.of("/office/reminder-policy", "/office/webhooks", "/office/clients")) {
            assertThat(status(get(path).with(FIRST_SECRETARY))).as(path).isEqualTo(403);
            assertThat(status(post(path).with(FIRST_SECRETARY).with(csrf())))
                    .as(path)
                    .isEqualTo(403);
        }
        assertThat(status(post("/office/webhooks/wh_5b1c/delete")
                        .with(FIRST_SECRETARY)
                        .with(csrf())))
                .isEqualTo(403);
        assertThat(status(post("/office/clients/nt-3f9a1c2e/revoke")
                        .with(FIRST_SECRETARY)
                        .with(csrf())))
                .isEqualTo(403);
        assertThat(status(post("/office/webhooks")
                        .param("url", "https://oa.nantong-tax.example/hooks")
                        .with(OFFICE)))
                .as("without the CSRF token")
                .isEqualTo(403);
        assertThat(API.exchanges)
                .noneMatch(e -> e.path().startsWith(POLICY)
                        || e.path().startsWith(WEBHOOKS)
                        || e.path().startsWith(CLIENTS));
        assertThat(page(get("/duties").with(FIRST_SECRETARY))
                        .select("header nav a")
                        .eachText())
                .doesNotContain("对接");
    }

    private static MockHttpServletRequestBuilder register() {
        return post("/office/webhooks")
                .param("url", "https://oa.nantong-tax.example/firstsec/reminders")
                .param("events", "*")
                .with(OFFICE)
                .with(csrf());
    }

    private static MockHttpServletRequestBuilder create() {
        return post("/office/clients")
                .param("name", "南通市局 OA 系统")
                .param("scopes", "events:read", "directory:write")
                .with(OFFICE)
                .with(csrf());
    }

    /** The message on a field: the text in the box marked {@code field-error} around its input, or nothing. */
    private static String error(Document page, String field) {
        var box = page.selectFirst("[name=" + field + "]").closest(".field-error");
        return box == null ? "" : box.select(".error-text").text();
    }

    private int status(RequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }
}

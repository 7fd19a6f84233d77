package io.firstsecretary.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Which addresses a webhook may reach. Literal addresses and {@code localhost} resolve for real;
 * the names of an intranet and of a public receiver resolve through a table, as a bureau's DNS
 * would answer them.
 */
class WebhookTargetsTest {

    private static final Map<String, String> DNS = Map.of(
            "intranet.bureau.example", "10.20.30.40",
            "rebinding.example", "192.168.1.1",
            "hooks.example.cn", "203.0.113.10");

    private static InetAddress[] resolve(String host) throws UnknownHostException {
        String known = DNS.get(host);
        return known != null ? new InetAddress[] {InetAddress.getByName(known)} : InetAddress.getAllByName(host);
    }

    private final WebhookTargets production = new WebhookTargets(false, WebhookTargetsTest::resolve);
    private final WebhookTargets development = new WebhookTargets(true, WebhookTargetsTest::resolve);

    @Test
    void onlyHttpsToPublicAddressesIsAccepted() {
        assertThat(production.refusal("https://hooks.example.cn/firstsec")).isEmpty();
        assertThat(production.refusal("http://hooks.example.cn/firstsec")).contains("url must be https://");
        for (String url : new String[] {
            "http://127.0.0.1:8080/hook",
            "https://127.0.0.1:8443/hook",
            "http://169.254.169.254/latest/meta-data/",
            "https://169.254.169.254/latest/meta-data/",
            "http://[::1]/",
            "https://[::1]/",
            "https://[::ffff:127.0.0.1]/",
            "https://[fd00::1]/",
            "https://localhost/",
            "https://0.0.0.0/",
            "https://100.64.0.1/",
            "https://172.16.5.4/",
            "https://intranet.bureau.example/hook",
            "https://user:secret@hooks.example.cn/",
            "https://no-such-host.invalid/",
            "ftp://hooks.example.cn/",
            "/relative"
        }) {
            assertThat(production.refusal(url)).as(url).isPresent();
        }
        assertThat(production.refusal("https://intranet.bureau.example/hook").orElseThrow())
                .contains("10.20.30.40");
    }

    @Test
    void theDevelopmentSwitchOpensLoopbackAndNothingElse() {
        assertThat(development.refusal("http://127.0.0.1:8080/hook")).isEmpty();
        assertThat(development.refusal("http://localhost:8080/hook")).isEmpty();
        assertThat(development.refusal("http://[::1]:8080/hook")).isEmpty();
        assertThat(development.refusal("http://169.254.169.254/")).isPresent();
        assertThat(development.refusal("http://10.0.0.1/")).isPresent();
        assertThat(development.refusal("http://hooks.example.cn/")).isPresent();
        assertThat(development.refusal("https://rebinding.example/")).isPresent();
    }
}

package io.firstsecretary.console.settings;

import io.firstsecretary.console.api.Api;
import io.firstsecretary.console.api.ApiProblem;
import io.firstsecretary.console.security.Person;
import io.nayuki.qrcodegen.QrCode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 我的设置: how the person is reminded (e-mail, inbox, webhooks; the weekly digest), and the
 * calendar subscription for a phone, its link shown once with a QR code to scan.
 */
@Controller
class SettingsController {

    static final List<String> CHANNELS = List.of("EMAIL", "INBOX", "WEBHOOK");

    private final Api api;

    SettingsController(Api api) {
        this.api = api;
    }

    record Preference(List<String> channels, boolean digest) {

        Preference {
            channels = channels == null ? List.of() : channels;
        }
    }

    record Issued(String token, String url) {}

    @GetMapping("/settings")
    String settings(Person person, Model model) {
        model.addAttribute("preference", api.get(u -> preferences(u, person), Preference.class));
        model.addAttribute("channels", CHANNELS);
        return "settings";
    }

    @PostMapping("/settings/notifications")
    String save(
            Person person,
            @RequestParam(name = "channels", required = false) List<String> channels,
            @RequestParam(defaultValue = "false") boolean digest,
            RedirectAttributes redirect) {
        var chosen = channels == null
                ? List.<String>of()
                : channels.stream().filter(CHANNELS::contains).distinct().toList();
        try {
            api.put(u -> preferences(u, person), Map.of("channels", chosen, "digest", digest), Preference.class);
            redirect.addFlashAttribute("done", "settings.saved");
        } catch (ApiProblem problem) {
            if (problem.status() != 422) {
                throw problem;
            }
            redirect.addFlashAttribute("failed", problem.getMessage());
        }
        return "redirect:/settings";
    }

    /** Issues a new calendar link (the old one stops working) and shows it this once, with its QR code. */
    @PostMapping("/settings/calendar")
    String calendar(Person person, Model model) {
        var issued = api.post(u -> calendar(u, person), Map.of(), Issued.class);
        model.addAttribute("preference", api.get(u -> preferences(u, person), Preference.class));
        model.addAttribute("channels", CHANNELS);
        model.addAttribute("calendarUrl", issued.url());
        model.addAttribute("calendarQr", qr(issued.url()));
        return "settings";
    }

    @PostMapping("/settings/calendar/stop")
    String stop(Person person, RedirectAttributes redirect) {
        try {
            api.delete(u -> calendar(u, person));
        } catch (ApiProblem problem) {
            if (problem.status() != 404) {
                throw problem;
            }
        }
        redirect.addFlashAttribute("done", "settings.calendarStopped");
        return "redirect:/settings";
    }

    /** The link as an SVG QR code in a data: URL, which the page's content policy allows for images. */
    static String qr(String text) {
        var code = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        int border = 2;
        int size = code.size + border * 2;
        var svg = new StringBuilder()
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
                .append(size)
                .append(' ')
                .append(size)
                .append(
                        "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path d=\"");
        for (int y = 0; y < code.size; y++) {
            for (int x = 0; x < code.size; x++) {
                if (code.getModule(x, y)) {
                    svg.append('M')
                            .append(x + border)
                            .append(',')
                            .append(y + border)
                            .append("h1v1h-1z");
                }
            }
        }
        svg.append("\" fill=\"#000\"/></svg>");
        return "data:image/svg+xml;base64,"
                + Base64.getEncoder().encodeToString(svg.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static java.net.URI preferences(org.springframework.web.util.UriBuilder u, Person person) {
        return u.path("/api/v1/bureaus/{b}/members/{m}/notification-preferences")
                .build(person.bureau(), person.member());
    }

    private static java.net.URI calendar(org.springframework.web.util.UriBuilder u, Person person) {
        return u.path("/api/v1/bureaus/{b}/members/{m}/calendar-token").build(person.bureau(), person.member());
    }
}

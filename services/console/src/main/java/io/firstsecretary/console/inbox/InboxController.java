package io.firstsecretary.console.inbox;

import io.firstsecretary.console.api.Api;
import io.firstsecretary.console.security.Person;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 消息: the person's reminder inbox, and the unread count the header shows on every page. */
@Controller
class InboxController {

    private final Api api;

    InboxController(Api api) {
        this.api = api;
    }

    record Item(String id, String stage, String subject, String text, String link, Instant receivedAt, boolean read) {}

    record Inbox(List<Item> items, int page, int size, long total, long unread) {

        Inbox {
            items = items == null ? List.of() : items;
        }
    }

    @GetMapping("/inbox")
    String inbox(Person person, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("inbox", inbox(person, Math.max(0, page)));
        model.addAttribute("page", Math.max(0, page));
        return "inbox";
    }

    @GetMapping("/inbox/unread")
    String unread(Person person, Model model) {
        model.addAttribute("unread", inbox(person, 0).unread());
        return "inbox-unread :: unread";
    }

    @PostMapping("/inbox/{id}/read")
    String read(Person person, @PathVariable String id) {
        api.patch(
                u -> u.path("/api/v1/bureaus/{b}/members/{m}/inbox/{id}").build(person.bureau(), person.member(), id),
                Map.of("read", true),
                Item.class);
        return "redirect:/inbox";
    }

    private Inbox inbox(Person person, int page) {
        return api.get(
                u -> u.path("/api/v1/bureaus/{b}/members/{m}/inbox")
                        .queryParam("page", page)
                        .queryParam("size", 20)
                        .build(person.bureau(), person.member()),
                Inbox.class);
    }
}

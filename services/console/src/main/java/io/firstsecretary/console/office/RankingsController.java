package io.firstsecretary.console.office;

import io.firstsecretary.console.api.Assessment;
import io.firstsecretary.console.api.Directory;
import io.firstsecretary.console.security.Person;
import io.firstsecretary.console.web.Labels;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/** 劳动竞赛: 月评排名, 季考夺旗 and 年争位次 as a chart and a table, with flags and vetoes. */
@Controller
class RankingsController {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int CHART_TOP = 20;

    private final Assessment assessment;
    private final Directory directory;
    private final Clock clock;

    RankingsController(Assessment assessment, Directory directory, Clock clock) {
        this.assessment = assessment;
        this.directory = directory;
        this.clock = clock;
    }

    @GetMapping("/office/rankings")
    String rankings(
            Person person,
            @RequestParam(defaultValue = "monthly") String kind,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) String bureau,
            @RequestParam(defaultValue = "false") boolean includeDescendants,
            Model model) {
        LocalDate today = LocalDate.now(clock.withZone(Labels.ZONE));
        String shownKind = List.of("monthly", "quarterly", "annual").contains(kind) ? kind : "monthly";
        String shown = period != null && !period.isBlank() ? period : defaultPeriod(shownKind, today);
        String chosen = bureau == null || bureau.isBlank() ? person.bureau() : bureau;
        var ranking = assessment.rankings(chosen, shown, includeDescendants);
        model.addAttribute("kind", shownKind);
        model.addAttribute("period", shown);
        model.addAttribute("bureau", chosen);
        model.addAttribute("bureaus", directory.bureaus());
        model.addAttribute("includeDescendants", includeDescendants);
        model.addAttribute("ranking", ranking);
        model.addAttribute("chart", JSON.writeValueAsString(chart(ranking)));
        return "rankings";
    }

    static String defaultPeriod(String kind, LocalDate today) {
        return switch (kind) {
            case "quarterly" -> today.getYear() + "-Q" + ((today.getMonthValue() - 1) / 3 + 1);
            case "annual" -> Integer.toString(today.getYear());
            default -> String.format("%d-%02d", today.getYear(), today.getMonthValue());
        };
    }

    /** An ECharts bar chart of the best scores, the flag holders in gold. */
    private static Map<String, Object> chart(Assessment.Ranking ranking) {
        var top = new ArrayList<>(ranking.items().stream()
                .sorted((a, b) -> Double.compare(b.score(), a.score()))
                .limit(CHART_TOP)
                .toList());
        // ECharts draws a category axis from the bottom up: the best goes last to stand on top
        Collections.reverse(top);
        var option = new LinkedHashMap<String, Object>();
        option.put("grid", Map.of("left", 90, "right", 30, "top", 10, "bottom", 30));
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("xAxis", Map.of("type", "value"));
        option.put(
                "yAxis",
                Map.of(
                        "type",
                        "category",
                        "data",
                        top.stream().map(Assessment.Standing::name).toList()));
        option.put(
                "series",
                List.of(Map.of(
                        "type",
                        "bar",
                        "name",
                        "得分",
                        "label",
                        Map.of("show", true, "position", "right"),
                        "data",
                        top.stream()
                                .map(s -> Map.of(
                                        "value",
                                        s.score(),
                                        "itemStyle",
                                        Map.of("color", s.flag() ? "#d4a017" : "#c8161d")))
                                .toList())));
        return option;
    }
}

package io.firstsecretary.console.office;

import io.firstsecretary.console.api.Assessment.Catalogue;
import io.firstsecretary.console.api.Assessment.Obligation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The compliance matrix (履职矩阵): first secretaries down, each duty and its periods across, every
 * cell one obligation in red, amber or green.
 */
record Matrix(List<DutyHeader> duties, List<Column> columns, List<Row> rows) {

    record DutyHeader(String code, String name, int span) {}

    record Column(String duty, String period) {}

    record Row(String bureau, String assignee, String name, List<Cell> cells) {}

    /** One obligation's place in the matrix; {@code obligation} is null where the row owes nothing. */
    record Cell(Obligation obligation, String colour, String state) {}

    /** Green once met, amber when met late or due within a fortnight, red when overdue, grey when waived. */
    static String colourOf(String state) {
        return switch (state) {
            case "MET" -> "green";
            case "MET_LATE", "DUE_SOON" -> "amber";
            case "OVERDUE" -> "red";
            case "WAIVED" -> "grey";
            default -> "none";
        };
    }

    static String stateOf(Obligation o, LocalDate today) {
        if ("OPEN".equals(o.status())) {
            if (today.isAfter(o.dueOn())) {
                return "OVERDUE";
            }
            return today.plusDays(14).isBefore(o.dueOn()) ? "OPEN" : "DUE_SOON";
        }
        return o.status();
    }

    /**
     * Builds the matrix of a year's obligations owed by or about first secretaries, duties in the
     * catalogue's order, rows by bureau and name.
     */
    static Matrix of(
            Map<String, List<Obligation>> byBureau, Catalogue catalogue, Map<String, String> names, LocalDate today) {
        var about = byBureau.values().stream()
                .flatMap(List::stream)
                .filter(o -> o.assignee() != null)
                .toList();
        var order = new HashMap<String, Integer>();
        for (int i = 0; i < catalogue.duties().size(); i++) {
            order.put(catalogue.duties().get(i).code(), i);
        }
        var periodsOf = new LinkedHashMap<String, TreeSet<String>>();
        about.stream()
                .map(Obligation::duty)
                .distinct()
                .sorted(Comparator.comparing(d -> order.getOrDefault(d, Integer.MAX_VALUE)))
                .forEach(d -> periodsOf.put(d, new TreeSet<>()));
        about.forEach(o -> periodsOf.get(o.duty()).add(o.period()));
        var headers = new ArrayList<DutyHeader>();
        var columns = new ArrayList<Column>();
        periodsOf.forEach((duty, periods) -> {
            String name = catalogue.duty(duty).map(d -> d.name()).orElse(duty);
            headers.add(new DutyHeader(duty, name, periods.size()));
            periods.forEach(p -> columns.add(new Column(duty, p)));
        });
        var byRow = new LinkedHashMap<String, Map<Column, Obligation>>();
        var bureauOf = new HashMap<String, String[]>();
        byBureau.forEach((bureau, owed) -> {
            for (var o : owed) {
                if (o.assignee() == null) {
                    continue;
                }
                String key = bureau + "\u0000" + o.assignee();
                bureauOf.putIfAbsent(key, new String[] {bureau, o.assignee()});
                byRow.computeIfAbsent(key, k -> new HashMap<>()).put(new Column(o.duty(), o.period()), o);
            }
        });
        var rows = new ArrayList<Row>();
        byRow.forEach((key, cells) -> {
            var who = bureauOf.get(key);
            var line = new ArrayList<Cell>();
            for (var column : columns) {
                var o = cells.get(column);
                if (o == null) {
                    line.add(new Cell(null, "blank", null));
                } else {
                    String state = stateOf(o, today);
                    line.add(new Cell(o, colourOf(state), state));
                }
            }
            rows.add(new Row(who[0], who[1], names.getOrDefault(who[1], who[1]), line));
        });
        rows.sort(Comparator.comparing(Row::bureau).thenComparing(Row::name));
        return new Matrix(headers, columns, rows);
    }
}

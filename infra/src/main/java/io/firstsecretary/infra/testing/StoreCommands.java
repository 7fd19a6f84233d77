package io.firstsecretary.infra.testing;

import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.Document;

/**
 * Listens to the commands a service sends its store. It lists those one thread sends while asked
 * to ({@link #sentBy}: what projecting one event costs, whatever else the service is doing), and it
 * records the shape of every query (collection, filtered fields and operators, sort) so that a test
 * can show each one is served by an index ({@link #unindexed}).
 */
public final class StoreCommands implements CommandListener {

    private static final StoreCommands SHARED = new StoreCommands();
    private static final Pattern GENERATION = Pattern.compile("_g\\d+$");

    private final ThreadLocal<List<String>> counting = new ThreadLocal<>();
    private final Map<Shape, Example> shapes = new ConcurrentHashMap<>();

    /** One recorder per JVM, which every service context of a test JVM reports to. */
    public static StoreCommands shared() {
        return SHARED;
    }

    /**
     * Registered in {@code META-INF/services/com.mongodb.event.CommandListener}: the service kit adds
     * every listener found there to its Mongo client, so a service's tests hear its commands.
     */
    public static final class Listener implements CommandListener {

        @Override
        public void commandStarted(CommandStartedEvent event) {
            SHARED.commandStarted(event);
        }
    }

    /** The commands this thread sends while {@code work} runs, each as its name and collection. */
    public List<String> sentBy(Runnable work) {
        var commands = new ArrayList<String>();
        counting.set(commands);
        try {
            work.run();
        } finally {
            counting.remove();
        }
        return commands;
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        var command = event.getCommand();
        String name = event.getCommandName();
        var commands = counting.get();
        if (commands != null) {
            var collection = command.get(name);
            commands.add(name
                    + (collection != null && collection.isString()
                            ? " " + collection.asString().getValue()
                            : ""));
        }
        switch (name) {
            case "find" -> record(name, command.getString("find").getValue(), filter(command, "filter"), command);
            case "count" -> record(name, command.getString("count").getValue(), filter(command, "query"), command);
            case "distinct" ->
                record(name, command.getString("distinct").getValue(), filter(command, "query"), command);
            case "findAndModify" ->
                record(name, command.getString("findAndModify").getValue(), filter(command, "query"), command);
            case "update", "delete" -> {
                String collection = command.getString(name).getValue();
                var statements = command.getArray(name.equals("update") ? "updates" : "deletes", null);
                if (statements != null) {
                    statements.forEach(
                            s -> record(name, collection, s.asDocument().getDocument("q"), null));
                }
            }
            case "aggregate" -> {
                var pipeline = command.getArray("pipeline");
                var match =
                        pipeline.isEmpty() ? null : pipeline.get(0).asDocument().get("$match");
                record(
                        name,
                        command.getString("aggregate").getValue(),
                        match == null ? null : match.asDocument(),
                        null);
            }
            default -> {
                // writes by document, index and collection commands, pings: no query to serve
            }
        }
    }

    private static BsonDocument filter(BsonDocument command, String field) {
        var filter = command.get(field);
        return filter == null || !filter.isDocument() ? new BsonDocument() : filter.asDocument();
    }

    private void record(String command, String collection, BsonDocument filter, BsonDocument find) {
        var fields = new TreeSet<String>();
        if (filter != null) {
            filter.forEach((field, value) -> fields.add(field + operators(value)));
        }
        var sort = new ArrayList<String>();
        if (find != null && find.containsKey("sort")) {
            sort.addAll(find.getDocument("sort").keySet());
        }
        var shape = new Shape(GENERATION.matcher(collection).replaceAll(""), command, List.copyOf(fields), sort);
        if (command.equals("find") && filter != null && !filter.isEmpty()) {
            shapes.putIfAbsent(shape, new Example(collection, filter.clone()));
        } else {
            shapes.putIfAbsent(shape, NONE);
        }
    }

    private static String operators(BsonValue value) {
        if (value.isDocument()
                && !value.asDocument().isEmpty()
                && value.asDocument().getFirstKey().startsWith("$")) {
            return ":" + String.join(",", new TreeSet<>(value.asDocument().keySet()));
        }
        return "";
    }

    /** Every query shape recorded so far. */
    public Set<Shape> shapes() {
        return Set.copyOf(shapes.keySet());
    }

    /**
     * On MongoDB (not the embedded store, which explains nothing): the recorded queries, one of each
     * shape with the values it was first sent with, whose plan reads a whole collection.
     */
    public List<Shape> collectionScans(MongoDatabase database) {
        var scans = new ArrayList<Shape>();
        shapes.forEach((shape, example) -> {
            if (example != NONE) {
                var explain = new Document(
                                "explain",
                                new Document("find", example.collection()).append("filter", example.filter()))
                        .append("verbosity", "queryPlanner");
                if (database.runCommand(explain).toJson().contains("COLLSCAN")) {
                    scans.add(shape);
                }
            }
        });
        return scans;
    }

    private record Example(String collection, BsonDocument filter) {}

    private static final Example NONE = new Example("", new BsonDocument());

    /**
     * The recorded shapes that no index serves: one on {@code _id} is served
     * by the primary key, another by an index whose first field it filters on; a query with no
     * filter is a scan, allowed only where {@code scans} names the collection (a rebuild or a sweep
     * reads it all by design).
     */
    public List<Shape> unindexed(Collection<Index> indexes, Collection<String> scans) {
        return shapes.keySet().stream()
                .filter(s -> !served(s, indexes, scans))
                .sorted(Comparator.comparing(Shape::toString))
                .toList();
    }

    private static boolean served(Shape shape, Collection<Index> indexes, Collection<String> scans) {
        var fields = shape.fields().stream().map(f -> f.split(":")[0]).toList();
        if (fields.isEmpty()) {
            return scans.contains(shape.collection());
        }
        return fields.contains("_id")
                || indexes.stream()
                        .anyMatch(i -> i.collection().equals(shape.collection())
                                && fields.contains(i.keys().get(0)));
    }

    /** A query as the store sees it: which fields it filters on (with their operators) and sorts by. */
    public record Shape(String collection, String command, List<String> fields, List<String> sort) {}

    /**
     * What breaks the rule that every query has an index: the shapes no declared index serves and,
     * when {@code mongodb} is a real MongoDB (null on the embedded store), those its planner answers
     * with a collection scan; {@code scans} names the collections read whole by design.
     */
    public List<Shape> unindexedOrScanned(Collection<Index> indexes, Collection<String> scans, MongoDatabase mongodb) {
        var broken = new ArrayList<>(unindexed(indexes, scans));
        if (mongodb != null) {
            collectionScans(mongodb).stream()
                    .filter(s -> !scans.contains(s.collection()))
                    .forEach(broken::add);
        }
        return broken;
    }

    /** An index a service declares: its collection (without a generation's suffix) and keys in order. */
    public record Index(String collection, List<String> keys) {
        public Index {
            collection = GENERATION.matcher(collection).replaceAll("");
        }
    }
}

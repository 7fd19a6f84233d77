package io.firstsecretary.organisation.imports;

import io.firstsecretary.organisation.bureau.BureauDirectory;
import io.firstsecretary.organisation.bureau.BureauLevel;
import io.firstsecretary.organisation.bureau.RegisterBureau;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Loads the Nantong demonstration organisation (the municipal bureau, its eight county-level
 * bureaus, 83 branches and their first secretaries) into an empty store, through the ordinary
 * import of the workbook {@code demo/nantong.xlsx}. Runs before the service reports ready. A load
 * is noted as started before its first write and as done after its last, so a start interrupted
 * midway (the import is idempotent) completes on the next start instead of leaving half a directory.
 */
@Component
@ConditionalOnProperty(name = "firstsec.demo.enabled", havingValue = "true")
class DemoOrganisation implements ApplicationRunner {

    static final String ROOT = "nantong";
    static final String WORKBOOK = "/demo/nantong.xlsx";
    static final String LOADS = "demoLoads";

    private static final Logger log = LoggerFactory.getLogger(DemoOrganisation.class);

    private final MongoTemplate mongo;
    private final BureauDirectory bureaus;
    private final Importer importer;

    DemoOrganisation(MongoTemplate mongo, BureauDirectory bureaus, Importer importer) {
        this.mongo = mongo;
        this.bureaus = bureaus;
        this.importer = importer;
    }

    @Override
    public void run(ApplicationArguments args) {
        var load = mongo.findById(ROOT, Document.class, LOADS);
        if (load != null && DONE.equals(load.getString("state"))) {
            log.info("Demo organisation already loaded");
            return;
        }
        boolean resuming = load != null;
        if (!resuming && mongo.count(new Query(), "bureaus") > 0) {
            log.info("The directory is not empty: demo organisation not loaded");
            return;
        }
        mark(STARTED);
        if (bureaus.find(ROOT).isEmpty()) {
            bureaus.register(new RegisterBureau(ROOT, "国家税务总局南通市税务局", BureauLevel.MUNICIPAL, null));
        }
        try (var in = DemoOrganisation.class.getResourceAsStream(WORKBOOK)) {
            var result = importer.run(ROOT, "demo" + WORKBOOK, TableReader.workbook(in), false);
            mark(DONE);
            log.info(
                    resuming
                            ? "Demo organisation loaded, resuming an interrupted load: {} rows created, {} updated"
                            : "Demo organisation loaded: {} rows created, {} updated",
                    result.created(),
                    result.updated());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void mark(String state) {
        mongo.upsert(Query.query(Criteria.where("_id").is(ROOT)), new Update().set("state", state), LOADS);
    }

    private static final String STARTED = "STARTED";
    private static final String DONE = "DONE";
}

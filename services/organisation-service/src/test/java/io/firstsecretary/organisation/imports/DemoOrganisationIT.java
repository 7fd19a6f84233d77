package io.firstsecretary.organisation.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstsecretary.infra.EmbeddedRuntime;
import io.firstsecretary.infra.testing.TestIssuer;
import io.firstsecretary.organisation.bureau.BureauDirectory;
import io.firstsecretary.organisation.bureau.BureauLevel;
import io.firstsecretary.organisation.bureau.RegisterBureau;
import java.io.IOException;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The demo organisation on the embedded broker and store: a first start interrupted while it loads
 * completes on the next, and a directory someone else filled is left alone.
 */
@SpringBootTest(properties = "firstsec.demo.enabled=false")
class DemoOrganisationIT {

    @DynamicPropertySource
    static void runtime(DynamicPropertyRegistry registry) {
        TestIssuer.shared().properties().forEach((name, value) -> registry.add(name, () -> value));
        var runtime = EmbeddedRuntime.shared();
        registry.add("spring.kafka.bootstrap-servers", runtime::kafkaBootstrapServers);
        registry.add("spring.mongodb.uri", () -> runtime.mongoUri("demo-it"));
    }

    @Autowired
    MongoTemplate mongo;

    @Autowired
    BureauDirectory bureaus;

    @Autowired
    Importer importer;

    DemoOrganisation demo;

    @BeforeEach
    void emptyDirectory() {
        mongo.getDb().drop();
        demo = new DemoOrganisation(mongo, bureaus, importer);
    }

    @Test
    void aLoadInterruptedMidwayCompletesOnTheNextStart() throws IOException {
        // what a first start leaves when it is stopped while importing: the root and some bureaus
        mongo.getCollection(DemoOrganisation.LOADS)
                .insertOne(new Document("_id", DemoOrganisation.ROOT).append("state", "STARTED"));
        bureaus.register(new RegisterBureau(DemoOrganisation.ROOT, "国家税务总局南通市税务局", BureauLevel.MUNICIPAL, null));
        try (var in = DemoOrganisation.class.getResourceAsStream(DemoOrganisation.WORKBOOK)) {
            var someBureaus = TableReader.workbook(in).stream()
                    .filter(t -> t.sheet() == Sheet.BUREAUS)
                    .map(t -> new Table(t.sheet(), t.rows().subList(0, 3)))
                    .toList();
            assertThat(importer.run(DemoOrganisation.ROOT, "interrupted", someBureaus, false)
                            .created())
                    .isEqualTo(3);
        }
        assertThat(count("bureaus")).isEqualTo(4);
        assertThat(count("assignments")).isZero();

        demo.run(null);

        assertThat(count("bureaus")).isEqualTo(9);
        assertThat(count("assignments")).isEqualTo(83);
        assertThat(mongo.findById(DemoOrganisation.ROOT, Document.class, DemoOrganisation.LOADS)
                        .getString("state"))
                .isEqualTo("DONE");

        long imports = count("imports");
        demo.run(null);
        assertThat(count("imports")).as("a completed load is not repeated").isEqualTo(imports);
    }

    @Test
    void aDirectoryFilledOtherwiseIsLeftAlone() {
        String own = "own" + UUID.randomUUID().toString().substring(0, 6);
        bureaus.register(new RegisterBureau(own, "另一个局", BureauLevel.COUNTY, null));

        demo.run(null);

        assertThat(count("bureaus")).isEqualTo(1);
        assertThat(mongo.findById(DemoOrganisation.ROOT, Document.class, DemoOrganisation.LOADS))
                .isNull();
    }

    private long count(String collection) {
        return mongo.count(new Query(), collection);
    }
}

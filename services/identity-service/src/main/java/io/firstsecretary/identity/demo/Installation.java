package io.firstsecretary.identity.demo;

import io.firstsecretary.identity.account.Account;
import io.firstsecretary.identity.account.Accounts;
import io.firstsecretary.identity.account.InitialPasswords;
import io.firstsecretary.identity.client.Clients;
import io.firstsecretary.identity.directory.DirectoryChanged;
import io.firstsecretary.kit.security.Role;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * What an empty store starts with: the operator's {@code platform} client. A demo installation (the
 * demo organisation loaded on an empty directory) also gives each bureau of the demo tree an office
 * client and each member holding a role a login, all with random secrets written to the credentials
 * file before their hashes are stored, so a crash between the two makes a new secret rather than
 * one nobody knows.
 */
@Component
class Installation implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(Installation.class);
    private static final String COLLECTION = "installation";
    private static final Set<Role> DEMO_LOGINS =
            EnumSet.of(Role.FIRST_SECRETARY, Role.BRANCH_SECRETARY, Role.PARTY_BUILDING_OFFICE);

    private final MongoTemplate mongo;
    private final Clients clients;
    private final Accounts accounts;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final CredentialsFile file;
    private final String issuer;
    private final boolean demoRequested;
    private final String demoRoot;
    private volatile boolean demo;

    Installation(
            MongoTemplate mongo,
            Clients clients,
            Accounts accounts,
            PasswordEncoder passwords,
            Clock clock,
            @Value("${spring.security.oauth2.authorizationserver.issuer}") String issuer,
            @Value("${firstsec.identity.credentials-file:data/identity/demo-credentials.json}") Path file,
            @Value("${firstsec.demo.enabled:false}") boolean demoRequested,
            @Value("${firstsec.demo.root:nantong}") String demoRoot) {
        this.mongo = mongo;
        this.clients = clients;
        this.accounts = accounts;
        this.passwords = passwords;
        this.clock = clock;
        this.file = new CredentialsFile(file);
        this.issuer = issuer;
        this.demoRequested = demoRequested;
        this.demoRoot = demoRoot;
    }

    /** Runs before the listeners start, so the first directory event finds the installation made. */
    @Override
    public void afterSingletonsInstantiated() {
        var installed = mongo.findById(COLLECTION, Installed.class, COLLECTION);
        if (installed == null) {
            file.issuer(issuer);
            String secret = Clients.newSecret();
            file.client("platform", "platform", secret);
            clients.create(
                    "platform", "平台运维", null, List.of(Role.PLATFORM_OPERATOR), List.of(), "installation", secret, null);
            installed = new Installed(COLLECTION, demoRequested, clock.instant());
            mongo.insert(installed, COLLECTION);
            log.info(
                    "New installation: the platform client's secret is in {}",
                    file.path().toAbsolutePath());
        }
        demo = installed.demo();
    }

    @EventListener
    void on(DirectoryChanged.BureauKnown bureau) {
        if (!demo || !bureau.path().get(0).equals(demoRoot)) {
            return;
        }
        String clientId = bureau.code() + "-office";
        if (clients.exists(clientId)) {
            return;
        }
        String secret = Clients.newSecret();
        file.client(bureau.code(), clientId, secret);
        clients.create(
                clientId,
                bureau.code() + " 党建办",
                bureau.code(),
                List.of(Role.PARTY_BUILDING_OFFICE),
                List.of(),
                "installation",
                secret,
                null);
    }

    @EventListener
    void on(DirectoryChanged.AccountChanged change) {
        Account account = change.account();
        if (!demo || account.bureau() == null || !account.bureauPath().contains(demoRoot)) {
            return;
        }
        var roles = account.roles(LocalDate.now(clock));
        if (roles.stream().noneMatch(DEMO_LOGINS::contains)) {
            return;
        }
        var names = roles.stream().map(Role::name).toList();
        if (account.passwordHash() != null) {
            if (file.hasUser(account.member())) {
                file.user(account.member(), null, account.bureau(), names);
            }
            return;
        }
        String password = InitialPasswords.next();
        file.user(account.member(), password, account.bureau(), names);
        accounts.setPasswordHash(account.member(), passwords.encode(password), false);
    }

    record Installed(@Id String id, boolean demo, Instant at) {}
}

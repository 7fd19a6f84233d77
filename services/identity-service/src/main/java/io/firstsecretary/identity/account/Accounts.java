package io.firstsecretary.identity.account;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * The members' logins. The directory's facts arrive as upserts of the member's full state, so a
 * redelivered event changes nothing; the password hash is the identity service's own.
 */
@Component
public class Accounts implements UserDetailsService {

    static final String COLLECTION = "accounts";

    private final MongoTemplate mongo;
    private final Clock clock;

    Accounts(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public Optional<Account> find(String member) {
        return Optional.ofNullable(mongo.findById(member, Account.class, COLLECTION));
    }

    /** The member as the directory now describes him or her. */
    public Account member(
            String member, String name, String bureau, List<String> path, List<String> roles, boolean active) {
        return mongo.findAndModify(
                Query.query(Criteria.where("_id").is(member)),
                new Update()
                        .set("name", name)
                        .set("bureau", bureau)
                        .set("bureauPath", path)
                        .set("directoryRoles", roles)
                        .set("active", active),
                FindAndModifyOptions.options().upsert(true).returnNew(true),
                Account.class,
                COLLECTION);
    }

    /** A first-secretary term began or changed its last day. */
    public Account term(String member, String assignment, LocalDate to) {
        var current = find(member).map(Account::terms).orElse(List.of());
        var terms = new ArrayList<Account.Term>();
        current.stream().filter(t -> !t.assignment().equals(assignment)).forEach(terms::add);
        terms.add(new Account.Term(assignment, to == null ? null : to.toString()));
        return mongo.findAndModify(
                Query.query(Criteria.where("_id").is(member)),
                new Update().set("terms", terms),
                FindAndModifyOptions.options().upsert(true).returnNew(true),
                Account.class,
                COLLECTION);
    }

    /** Sets the password hash, unless one is already set and {@code replace} is false. */
    public boolean setPasswordHash(String member, String hash, boolean replace) {
        var query = Query.query(Criteria.where("_id").is(member));
        if (!replace) {
            query.addCriteria(Criteria.where("passwordHash").is(null));
        }
        return mongo.updateFirst(query, new Update().set("passwordHash", hash), COLLECTION)
                        .getModifiedCount()
                == 1;
    }

    /** A member logs in with the member id; one who left, or has no password yet, cannot. */
    @Override
    public UserDetails loadUserByUsername(String username) {
        var account = find(username)
                .filter(a -> a.passwordHash() != null)
                .orElseThrow(() -> new UsernameNotFoundException("No login " + username));
        var roles = account.roles(LocalDate.now(clock));
        return User.withUsername(account.member())
                .password(account.passwordHash())
                .disabled(roles.isEmpty())
                .authorities(roles.stream()
                        .map(r -> new SimpleGrantedAuthority("ROLE_" + r.name()))
                        .toList())
                .build();
    }
}

package io.firstsecretary.identity.account;

import io.firstsecretary.kit.security.Caller;
import io.firstsecretary.kit.security.Requires;
import io.firstsecretary.kit.security.Role;
import io.firstsecretary.kit.security.Scope;
import io.firstsecretary.kit.web.ConflictException;
import io.firstsecretary.kit.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/bureaus/{bureau}/logins/{member}}: the office gives a member of its bureau a
 * first password (or a new one, which ends the old), shown in this answer only and kept as a hash.
 * The member's roles are the directory's, as on every login.
 */
@RestController
@RequestMapping("/api/v1/bureaus/{bureau}/logins")
@Tag(name = "Logins", description = "Members' logins: the office gives a member of its bureau a password.")
class MemberLoginController {

    private static final Logger log = LoggerFactory.getLogger(MemberLoginController.class);

    private final Accounts accounts;
    private final PasswordEncoder passwords;
    private final Clock clock;

    MemberLoginController(Accounts accounts, PasswordEncoder passwords, Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.clock = clock;
    }

    /** The login as its member receives it: username and password, this once. */
    record IssuedLogin(String username, String password, String member, String bureau, List<Role> roles) {}

    @Requires(Scope.CLIENTS_MANAGE)
    @Operation(
            summary = "Issue a login to a member",
            description = "A first password, or a new one that ends the old; it is shown in this answer only. The"
                    + " member's roles are the directory's.")
    @ApiResponse(responseCode = "409", description = "The member has left the organisation and cannot log in")
    @PostMapping("/{member}")
    @ResponseStatus(HttpStatus.CREATED)
    IssuedLogin issue(Caller caller, @PathVariable String bureau, @PathVariable String member) {
        var account = accounts.find(member)
                .filter(a -> bureau.equals(a.bureau()))
                .orElseThrow(() -> new NotFoundException("No member " + member + " in bureau " + bureau));
        var roles = account.roles(LocalDate.now(clock));
        if (roles.isEmpty()) {
            throw new ConflictException("member", member + " has left the organisation and cannot log in");
        }
        String password = InitialPasswords.next();
        accounts.setPasswordHash(member, passwords.encode(password), true);
        log.info("{} issued a login for {} of {}", caller.actor(), member, bureau);
        return new IssuedLogin(member, password, member, bureau, List.copyOf(roles));
    }
}

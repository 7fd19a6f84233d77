package io.firstsecretary.identity.client;

import io.firstsecretary.identity.bureau.Bureaus;
import io.firstsecretary.kit.security.Caller;
import io.firstsecretary.kit.security.Requires;
import io.firstsecretary.kit.security.Role;
import io.firstsecretary.kit.security.Scope;
import io.firstsecretary.kit.web.ConflictException;
import io.firstsecretary.kit.web.FieldError;
import io.firstsecretary.kit.web.NotFoundException;
import io.firstsecretary.kit.web.Paged;
import io.firstsecretary.kit.web.UnprocessableException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A bureau's integration clients: its party-building office creates one for each outside system
 * (OA, an SMS gateway, a data warehouse), grants it scopes the office itself holds, and revokes it.
 */
@RestController
@RequestMapping("/api/v1/bureaus/{bureau}/clients")
@Tag(
        name = "Clients",
        description = "A bureau's integration clients: one for each outside system (OA, an SMS gateway, a data"
                + " warehouse), granted scopes its office holds.")
@Requires(Scope.CLIENTS_MANAGE)
class ClientController {

    /** What an integration may be granted: never another's inbox, the operator's work or more clients. */
    static final Set<Scope> GRANTABLE =
            EnumSet.complementOf(EnumSet.of(Scope.SELF, Scope.OPERATE, Scope.CLIENTS_MANAGE));

    private final Clients clients;
    private final Bureaus bureaus;
    private final String tokenEndpoint;
    private final int maxPerBureau;

    ClientController(
            Clients clients,
            Bureaus bureaus,
            @Value("${spring.security.oauth2.authorizationserver.issuer}") String issuer,
            @Value("${firstsec.identity.max-clients-per-bureau:50}") int maxPerBureau) {
        this.clients = clients;
        this.bureaus = bureaus;
        this.tokenEndpoint = issuer + "/oauth2/token";
        this.maxPerBureau = maxPerBureau;
    }

    @Operation(
            summary = "Create an integration client",
            description = "The answer carries the client's secret, shown this once, and the token endpoint to use"
                    + " it at.")
    @ApiResponse(
            responseCode = "409",
            description = "The bureau already has the most clients it may have: revoke one first")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<CreatedClient> create(
            @PathVariable String bureau, @RequestBody(required = false) NewClient request, Caller caller) {
        known(bureau);
        var errors = new ArrayList<FieldError>();
        if (request == null) {
            throw new UnprocessableException("name", "a client needs a name and scopes");
        }
        String name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty() || name.length() > 100) {
            errors.add(FieldError.of("name", "must be 1-100 characters"));
        }
        var roles = new ArrayList<Role>();
        if (request.roles() != null) {
            for (int i = 0; i < request.roles().size(); i++) {
                if (Role.AUDITOR.name().equals(request.roles().get(i))) {
                    roles.add(Role.AUDITOR);
                } else {
                    errors.add(FieldError.of(
                            "roles[" + i + "]", "a client may be given the role AUDITOR only (it reads the subtree)"));
                }
            }
        }
        Duration lifetime = lifetime(request.tokenLifetime(), errors);
        var scopes = new LinkedHashSet<Scope>();
        if ((request.scopes() == null || request.scopes().isEmpty()) && roles.isEmpty()) {
            errors.add(FieldError.of("scopes", "must name at least one scope, from " + grantable()));
        } else if (request.scopes() != null) {
            for (int i = 0; i < request.scopes().size(); i++) {
                String value = request.scopes().get(i);
                var scope = Scope.of(value == null ? "" : value).filter(GRANTABLE::contains);
                if (scope.isEmpty()) {
                    errors.add(FieldError.of("scopes[" + i + "]", "'" + value + "' is not one of " + grantable()));
                } else if (!caller.has(scope.get())) {
                    errors.add(FieldError.of("scopes[" + i + "]", "you do not hold " + value + " yourself"));
                } else {
                    scopes.add(scope.get());
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new UnprocessableException(errors);
        }
        if (clients.countOfBureau(bureau, true) >= maxPerBureau) {
            throw new ConflictException(
                    "bureau", "bureau " + bureau + " already has " + maxPerBureau + " clients: revoke one first");
        }
        String clientId = bureau + "-" + UUID.randomUUID().toString().substring(0, 8);
        var created = clients.create(
                clientId, name, bureau, List.copyOf(roles), List.copyOf(scopes), caller.actor(), lifetime);
        var body = new CreatedClient(created.client().view(), created.secret(), tokenEndpoint);
        return ResponseEntity.created(URI.create("/api/v1/bureaus/" + bureau + "/clients/" + clientId))
                .body(body);
    }

    @Operation(
            summary = "List the bureau's integration clients",
            description = "Revoked clients included, with revokedAt; paged.")
    @GetMapping
    Paged<PlatformClient.View> list(
            @PathVariable String bureau,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        known(bureau);
        Paged.validate(page, size);
        return new Paged<>(
                clients.ofBureau(bureau, page, size).stream()
                        .map(PlatformClient::view)
                        .toList(),
                page,
                size,
                clients.countOfBureau(bureau, false));
    }

    @Operation(summary = "Get an integration client")
    @GetMapping("/{clientId}")
    PlatformClient.View get(@PathVariable String bureau, @PathVariable String clientId) {
        return ofBureau(bureau, clientId).view();
    }

    /** Revokes the client: it gets no new token; one it holds lapses within the token lifetime. */
    @Operation(
            summary = "Revoke an integration client",
            description = "The client gets no new token; a token it holds lapses within the token lifetime.")
    @DeleteMapping("/{clientId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> revoke(@PathVariable String bureau, @PathVariable String clientId) {
        ofBureau(bureau, clientId);
        clients.revoke(clientId);
        return ResponseEntity.noContent().build();
    }

    private PlatformClient ofBureau(String bureau, String clientId) {
        known(bureau);
        return clients.find(clientId)
                .filter(c -> bureau.equals(c.bureau()))
                .orElseThrow(() -> new NotFoundException("No client " + clientId + " in bureau " + bureau));
    }

    private void known(String bureau) {
        if (bureaus.pathOf(bureau).isEmpty()) {
            throw new NotFoundException("No bureau " + bureau);
        }
    }

    /** The lifetime of the client's tokens: the installation's unless given, from one second to twelve hours. */
    private static Duration lifetime(String text, List<FieldError> errors) {
        if (text == null) {
            return null;
        }
        try {
            var lifetime = Duration.parse(text);
            if (lifetime.compareTo(Duration.ofSeconds(1)) >= 0 && lifetime.compareTo(Duration.ofHours(12)) <= 0) {
                return lifetime;
            }
        } catch (DateTimeParseException e) {
            // answered below
        }
        errors.add(FieldError.of("tokenLifetime", "must be an ISO-8601 duration from PT1S to PT12H, e.g. PT30M"));
        return null;
    }

    private static List<String> grantable() {
        return GRANTABLE.stream().map(Scope::value).toList();
    }

    /**
     * {@code {"name":"OA 系统","scopes":["events:read","directory:read"]}}; {@code "roles":["AUDITOR"]}
     * for an auditor's client, {@code "tokenLifetime":"PT10M"} for shorter-lived tokens.
     */
    record NewClient(String name, List<String> scopes, List<String> roles, String tokenLifetime) {}

    /** The client and, this once, its secret. */
    record CreatedClient(
            String clientId,
            String clientSecret,
            String name,
            String bureau,
            List<Role> roles,
            List<String> scopes,
            String createdBy,
            Instant createdAt,
            String tokenEndpoint) {

        CreatedClient(PlatformClient.View client, String secret, String tokenEndpoint) {
            this(
                    client.clientId(),
                    secret,
                    client.name(),
                    client.bureau(),
                    client.roles(),
                    client.scopes(),
                    client.createdBy(),
                    client.createdAt(),
                    tokenEndpoint);
        }
    }
}

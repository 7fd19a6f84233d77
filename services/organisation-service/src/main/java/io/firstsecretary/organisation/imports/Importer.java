package io.firstsecretary.organisation.imports;

import io.firstsecretary.kit.web.ConflictException;
import io.firstsecretary.kit.web.UnprocessableException;
import io.firstsecretary.organisation.assignment.AssignFirstSecretary;
import io.firstsecretary.organisation.assignment.FirstSecretaries;
import io.firstsecretary.organisation.assignment.FirstSecretaries.EndReason;
import io.firstsecretary.organisation.branch.Branches;
import io.firstsecretary.organisation.branch.EstablishBranch;
import io.firstsecretary.organisation.branch.FormPartyGroup;
import io.firstsecretary.organisation.branch.RenameBranch;
import io.firstsecretary.organisation.bureau.Bureau;
import io.firstsecretary.organisation.bureau.BureauDirectory;
import io.firstsecretary.organisation.bureau.BureauLevel;
import io.firstsecretary.organisation.bureau.ChangeBureau;
import io.firstsecretary.organisation.bureau.RegisterBureau;
import io.firstsecretary.organisation.member.ChangeDetails;
import io.firstsecretary.organisation.member.ChangeRoles;
import io.firstsecretary.organisation.member.Members;
import io.firstsecretary.organisation.member.RegisterMember;
import io.firstsecretary.organisation.member.Role;
import io.firstsecretary.organisation.member.TransferMember;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Imports an organisation from spreadsheets. Every row is first checked against the directory as
 * it would be after the rows before it; only a file without errors is applied, row by row, through
 * the same operations as the API, so each change is announced by its usual event and a row that
 * changes nothing publishes nothing.
 */
@Service
public class Importer {

    private static final Logger log = LoggerFactory.getLogger(Importer.class);
    private static final int PROGRESS_EVERY = 250;

    private final BureauDirectory bureaus;
    private final Branches branches;
    private final Members members;
    private final FirstSecretaries firstSecretaries;
    private final ImportLog importLog;
    private final Validator validator;

    Importer(
            BureauDirectory bureaus,
            Branches branches,
            Members members,
            FirstSecretaries firstSecretaries,
            ImportLog importLog,
            Validator validator) {
        this.bureaus = bureaus;
        this.branches = branches;
        this.members = members;
        this.firstSecretaries = firstSecretaries;
        this.importLog = importLog;
        this.validator = validator;
    }

    public ImportResult run(String bureauCode, String source, List<Table> tables, boolean dryRun) {
        Plan plan = plan(bureauCode, source, tables);
        if (dryRun || !plan.result().errors().isEmpty()) {
            return dryRun ? plan.result() : plan.result().withDryRun(false);
        }
        importLog.started(plan.id(), plan.bureau(), source, plan.actions().size());
        return apply(plan);
    }

    /**
     * Checks every row and plans its effect, writing nothing: {@link #apply} then performs a plan
     * without errors, in the request or, for a large file, after the answer.
     */
    Plan plan(String bureauCode, String source, List<Table> tables) {
        Bureau root = bureaus.require(bureauCode);
        var state = DirectoryState.load(root, bureaus, branches, members, firstSecretaries);
        var planner = new Planner(state);
        for (Table table : tables) {
            for (Table.Row row : table.rows()) {
                planner.plan(table.sheet(), row);
            }
        }
        String id = UUID.randomUUID().toString();
        return new Plan(
                id, root.code(), source, planner.actions, result(id, planner.actions, planner.errors, planner.changes));
    }

    /** Starts applying a plan without errors in the background; its progress is in the import log at once. */
    ImportLog.ImportProgress start(Plan plan, Executor executor) {
        var progress = importLog.started(
                plan.id(), plan.bureau(), plan.source(), plan.actions().size());
        try {
            executor.execute(() -> {
                try {
                    apply(plan);
                } catch (RuntimeException e) {
                    log.error("Import {} into {} failed", plan.id(), plan.bureau(), e);
                }
            });
        } catch (RejectedExecutionException full) {
            importLog.finished(plan.id(), ImportLog.Status.FAILED, plan.result().withDryRun(false));
            throw new ConflictException("file", "Too many imports are waiting to be applied; try again later");
        }
        return progress;
    }

    private ImportResult apply(Plan plan) {
        var actions = plan.actions();
        var applied = plan.result().withDryRun(false);
        // a progress bar moves in steps of about 2%, and a large file costs at most a write per 250 rows
        int every = Math.max(1, Math.min(PROGRESS_EVERY, actions.size() / 50));
        try {
            for (int i = 0; i < actions.size(); i++) {
                actions.get(i).apply().run();
                if ((i + 1) % every == 0) {
                    importLog.progressed(plan.id(), i + 1);
                }
                if ((i + 1) % PROGRESS_EVERY == 0) {
                    log.info(
                            "Import {} into {}: {} of {} rows applied",
                            plan.id(),
                            plan.bureau(),
                            i + 1,
                            actions.size());
                }
            }
        } catch (RuntimeException e) {
            importLog.finished(plan.id(), ImportLog.Status.FAILED, applied);
            throw e;
        }
        importLog.finished(plan.id(), ImportLog.Status.DONE, applied);
        log.info(
                "Import {} into {} done: {} created, {} updated, {} unchanged",
                plan.id(),
                plan.bureau(),
                applied.created(),
                applied.updated(),
                applied.unchanged());
        return applied;
    }

    /** What a file would do to a bureau's directory; with errors it can only be shown. */
    record Plan(String id, String bureau, String source, List<Action> actions, ImportResult result) {}

    private static ImportResult result(
            String id, List<Action> actions, List<RowError> errors, List<ImportResult.RowChange> changes) {
        return new ImportResult(
                id,
                true,
                count(actions, Outcome.CREATED),
                count(actions, Outcome.UPDATED),
                count(actions, Outcome.UNCHANGED),
                List.copyOf(errors),
                List.copyOf(changes));
    }

    private static int count(List<Action> actions, Outcome outcome) {
        return (int) actions.stream().filter(a -> a.outcome() == outcome).count();
    }

    enum Outcome {
        CREATED,
        UPDATED,
        UNCHANGED
    }

    /** One row's planned effect; {@code apply} performs it. */
    record Action(Outcome outcome, Runnable apply) {}

    /** A row that cannot be imported; carries the field to blame. */
    private static final class RowRejected extends RuntimeException {

        private final String field;

        RowRejected(String field, String message) {
            super(message, null, false, false);
            this.field = field;
        }
    }

    /** Turns rows into actions, keeping {@link DirectoryState} as it will be after each row. */
    private final class Planner {

        private final DirectoryState state;
        private final List<Action> actions = new ArrayList<>();
        private final List<RowError> errors = new ArrayList<>();
        private final List<ImportResult.RowChange> changes = new ArrayList<>();

        Planner(DirectoryState state) {
            this.state = state;
        }

        void plan(Sheet sheet, Table.Row row) {
            try {
                var action = switch (sheet) {
                    case BUREAUS -> bureau(row);
                    case BRANCHES -> branch(row);
                    case PARTY_GROUPS -> partyGroup(row);
                    case MEMBERS -> member(row);
                    case FIRST_SECRETARIES -> firstSecretary(row);
                };
                actions.add(action);
                if (action.outcome() != Outcome.UNCHANGED && changes.size() < ImportResult.CHANGES_LISTED) {
                    changes.add(new ImportResult.RowChange(
                            sheet.sheetName(),
                            row.number(),
                            key(sheet, row),
                            name(sheet, row),
                            action.outcome().name()));
                }
            } catch (RowRejected e) {
                errors.add(new RowError(sheet.sheetName(), row.number(), e.field, e.getMessage()));
            }
        }

        /** What a row names: a code, a member's id, or a term's member at a branch. */
        private static String key(Sheet sheet, Table.Row row) {
            return switch (sheet) {
                case BUREAUS, BRANCHES -> row.get("code");
                case PARTY_GROUPS -> row.get("branch") + "/" + row.get("code");
                case MEMBERS -> row.get("id");
                case FIRST_SECRETARIES -> row.get("member") + "@" + row.get("branch");
            };
        }

        private static String name(Sheet sheet, Table.Row row) {
            return sheet == Sheet.FIRST_SECRETARIES ? row.get("from") : row.get("name");
        }

        private Action bureau(Table.Row row) {
            var request = valid(new RegisterBureau(
                    row.get("code"), row.get("name"), parse(row, "level", BureauLevel::valueOf), row.get("parent")));
            if (request.parent() == null || !state.hasBureau(request.parent())) {
                throw new RowRejected("parent", "The parent must be " + state.root() + " or a bureau under it");
            }
            if (request.code().equals(state.root())) {
                throw new RowRejected("code", "The bureau imported into cannot be changed by its own import");
            }
            var existing = state.bureau(request.code());
            if (existing == null) {
                if (bureaus.find(request.code()).isPresent()) {
                    throw new RowRejected("code", "Bureau " + request.code() + " exists outside " + state.root());
                }
                state.putBureau(request.code(), request.name(), request.level(), request.parent());
                return new Action(Outcome.CREATED, () -> bureaus.register(request));
            }
            if (state.isAncestorOrSelf(request.code(), request.parent())) {
                throw new RowRejected("parent", "Bureau " + request.parent() + " lies under " + request.code());
            }
            var changed =
                    new DirectoryState.BureauRow(request.code(), request.name(), request.level(), request.parent());
            if (changed.equals(existing)) {
                return new Action(Outcome.UNCHANGED, () -> {});
            }
            state.putBureau(request.code(), request.name(), request.level(), request.parent());
            return new Action(
                    Outcome.UPDATED,
                    () -> bureaus.change(
                            request.code(), new ChangeBureau(request.name(), request.level(), request.parent())));
        }

        private Action branch(Table.Row row) {
            String bureau = bureauOf(row);
            var request = valid(new EstablishBranch(row.get("code"), row.get("name"), list(row.get("divisions"))));
            var existing = state.branch(bureau, request.code());
            List<String> divisions = request.divisions() == null ? List.of() : request.divisions();
            if (existing == null) {
                state.putBranch(bureau, request.code(), request.name(), divisions);
                return new Action(Outcome.CREATED, () -> branches.establish(bureau, request));
            }
            if (!existing.active()) {
                throw new RowRejected("code", "Branch " + request.code() + " was merged or dissolved");
            }
            if (existing.name().equals(request.name()) && existing.divisions().equals(divisions)) {
                return new Action(Outcome.UNCHANGED, () -> {});
            }
            state.putBranch(bureau, request.code(), request.name(), divisions);
            return new Action(
                    Outcome.UPDATED,
                    () -> branches.rename(bureau, request.code(), new RenameBranch(request.name(), divisions)));
        }

        private Action partyGroup(Table.Row row) {
            String bureau = bureauOf(row);
            String branch = required(row, "branch");
            var request = valid(new FormPartyGroup(row.get("code"), row.get("name")));
            requireActiveBranch(bureau, branch);
            String existing = state.partyGroupName(bureau, branch, request.code());
            if (existing == null) {
                state.putPartyGroup(bureau, branch, request.code(), request.name());
                return new Action(Outcome.CREATED, () -> branches.formPartyGroup(bureau, branch, request));
            }
            if (!existing.equals(request.name())) {
                throw new RowRejected("name", "Party group " + request.code() + " already exists as " + existing);
            }
            return new Action(Outcome.UNCHANGED, () -> {});
        }

        private Action member(Table.Row row) {
            String bureau = bureauOf(row);
            List<Role> roles = rolesOf(row);
            var request = valid(new RegisterMember(
                    row.get("id"),
                    row.get("name"),
                    row.get("email"),
                    row.get("phone"),
                    roles,
                    row.get("branch"),
                    row.get("partyGroup"),
                    parse(row, "joinedPartyOn", LocalDate::parse)));
            var existing = state.member(request.id());
            if (existing != null && !existing.bureau().equals(bureau)) {
                throw new RowRejected("id", "Member " + request.id() + " belongs to bureau " + existing.bureau());
            }
            if (existing == null && members.existsAnywhere(request.id())) {
                throw new RowRejected("id", "Member " + request.id() + " belongs to another bureau");
            }
            if (existing != null && !existing.active()) {
                throw new RowRejected("id", "Member " + request.id() + " has left");
            }
            checkPlacement(bureau, request.id(), request.branch(), request.partyGroup(), roles);
            var next = new DirectoryState.MemberRow(
                    bureau,
                    request.id(),
                    request.name(),
                    request.email(),
                    request.phone(),
                    roles,
                    request.branch(),
                    request.partyGroup(),
                    request.joinedPartyOn(),
                    true);
            state.putMember(next);
            if (existing == null) {
                return new Action(Outcome.CREATED, () -> members.registerPlaced(bureaus.require(bureau), request));
            }
            var steps = new ArrayList<Runnable>();
            boolean moved = !existing.branch().equals(next.branch())
                    || !Objects.equals(existing.partyGroup(), next.partyGroup());
            if (moved) {
                steps.add(() -> members.transfer(
                        bureau, next.id(), new TransferMember(next.branch(), next.partyGroup(), next.roles(), null)));
            } else if (!existing.roles().equals(next.roles())) {
                steps.add(() -> members.changeRoles(bureau, next.id(), new ChangeRoles(next.roles(), null)));
            }
            if (!Objects.equals(existing.name(), next.name())
                    || !Objects.equals(existing.email(), next.email())
                    || !Objects.equals(existing.phone(), next.phone())
                    || !Objects.equals(existing.joinedPartyOn(), next.joinedPartyOn())) {
                steps.add(() -> members.changeDetails(
                        bureau,
                        next.id(),
                        new ChangeDetails(next.name(), next.email(), next.phone(), next.joinedPartyOn())));
            }
            return steps.isEmpty()
                    ? new Action(Outcome.UNCHANGED, () -> {})
                    : new Action(Outcome.UPDATED, () -> steps.forEach(Runnable::run));
        }

        private Action firstSecretary(Table.Row row) {
            String bureau = bureauOf(row);
            var request = valid(new AssignFirstSecretary(
                    row.get("member"),
                    row.get("branch"),
                    parse(row, "from", LocalDate::parse),
                    parse(row, "to", LocalDate::parse)));
            var member = state.member(request.member());
            if (member == null || !member.bureau().equals(bureau) || !member.active()) {
                throw new RowRejected("member", "No member " + request.member() + " in bureau " + bureau);
            }
            if (!member.roles().contains(Role.COMMITTEE_MEMBER)) {
                throw new RowRejected(
                        "member", "Member " + member.id() + " is not a party-committee member (COMMITTEE_MEMBER)");
            }
            requireActiveBranch(bureau, request.branch());
            if (request.to() != null && request.to().isBefore(request.from())) {
                throw new RowRejected("to", "The term cannot end before it starts");
            }
            String id = bureau + ":" + request.branch() + ":" + request.from();
            var existing = state.assignment(id);
            state.overlapping(bureau, request.branch(), id, request.from(), request.to())
                    .ifPresent(other -> {
                        throw new RowRejected(
                                "from",
                                "Branch " + request.branch() + " already has first secretary " + other.member()
                                        + " from " + other.from());
                    });
            if (existing == null) {
                state.putAssignment(new DirectoryState.AssignmentRow(
                        id, bureau, request.member(), request.branch(), request.from(), request.to()));
                return new Action(Outcome.CREATED, () -> firstSecretaries.assign(bureau, request));
            }
            if (!existing.member().equals(request.member())) {
                throw new RowRejected("member", "The term from " + request.from() + " belongs to " + existing.member());
            }
            if (Objects.equals(existing.to(), request.to())) {
                return new Action(Outcome.UNCHANGED, () -> {});
            }
            if (request.to() == null || (existing.to() != null && request.to().isAfter(existing.to()))) {
                throw new RowRejected("to", "A term can be shortened by an import, not extended");
            }
            state.putAssignment(new DirectoryState.AssignmentRow(
                    id, bureau, request.member(), request.branch(), request.from(), request.to()));
            return new Action(
                    Outcome.UPDATED, () -> firstSecretaries.relieve(bureau, id, request.to(), EndReason.RELIEVED));
        }

        private void checkPlacement(String bureau, String id, String branch, String partyGroup, List<Role> roles) {
            if (branch == null) {
                return;
            }
            requireActiveBranch(bureau, branch);
            if (partyGroup != null && state.partyGroupName(bureau, branch, partyGroup) == null) {
                throw new RowRejected("partyGroup", "No party group " + partyGroup + " in branch " + branch);
            }
            if (roles.contains(Role.GROUP_LEADER) && partyGroup == null) {
                throw new RowRejected("roles", "A GROUP_LEADER must belong to a party group");
            }
            if (roles.contains(Role.BRANCH_SECRETARY)) {
                state.holder(bureau, branch, null, Role.BRANCH_SECRETARY, id).ifPresent(other -> {
                    throw new RowRejected("roles", "Branch " + branch + " already has a secretary: " + other.id());
                });
            }
            if (roles.contains(Role.GROUP_LEADER)) {
                state.holder(bureau, branch, partyGroup, Role.GROUP_LEADER, id).ifPresent(other -> {
                    throw new RowRejected(
                            "roles", "Party group " + partyGroup + " already has a leader: " + other.id());
                });
            }
        }

        private void requireActiveBranch(String bureau, String branch) {
            var found = state.branch(bureau, branch);
            if (found == null || !found.active()) {
                throw new RowRejected("branch", "No branch " + branch + " in bureau " + bureau);
            }
        }

        private String bureauOf(Table.Row row) {
            String bureau = row.get("bureau") == null ? state.root() : row.get("bureau");
            if (!state.hasBureau(bureau)) {
                throw new RowRejected(
                        "bureau", "Bureau " + bureau + " is not " + state.root() + " or a bureau under it");
            }
            return bureau;
        }

        private <T> T valid(T request) {
            var violations = validator.validate(request);
            if (!violations.isEmpty()) {
                var first = violations.stream()
                        .sorted((a, b) -> a.getPropertyPath()
                                .toString()
                                .compareTo(b.getPropertyPath().toString()))
                        .findFirst()
                        .orElseThrow();
                String field = first.getPropertyPath().toString().replaceAll("\\[\\d+]\\.?<?.*$", "");
                throw new RowRejected(field, first.getMessage());
            }
            return request;
        }

        private List<Role> rolesOf(Table.Row row) {
            List<String> names = list(row.get("roles"));
            if (names == null) {
                return List.of(Role.MEMBER);
            }
            try {
                return Members.normalise(names.stream().map(Role::valueOf).toList());
            } catch (IllegalArgumentException e) {
                throw new RowRejected("roles", "must be among " + Arrays.toString(Role.values()));
            }
        }

        private <T> T parse(Table.Row row, String column, Function<String, T> parser) {
            String value = row.get(column);
            if (value == null) {
                return null;
            }
            try {
                return parser.apply(value);
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw new RowRejected(column, "'" + value + "' is not a valid " + column);
            }
        }

        private String required(Table.Row row, String column) {
            String value = row.get(column);
            if (value == null) {
                throw new RowRejected(column, "must not be blank");
            }
            return value;
        }
    }

    private static List<String> list(String cell) {
        if (cell == null) {
            return null;
        }
        return Arrays.stream(cell.split(";"))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    static UnprocessableException unknownSheet(String sheet) {
        return new UnprocessableException(
                "sheet",
                "Unknown sheet " + sheet + "; expected one of "
                        + Arrays.stream(Sheet.values()).map(Sheet::sheetName).toList());
    }
}

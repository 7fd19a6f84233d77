package io.firstsecretary.console.directory;

import io.firstsecretary.console.api.Api;
import io.firstsecretary.console.api.Directory;
import io.firstsecretary.console.api.Page;
import io.firstsecretary.console.security.Person;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 组织架构 for the party-building office: the bureau tree it reaches, a bureau's branches with their
 * first secretaries, and a branch's key persons and members.
 */
@Controller
class DirectoryController {

    private final Api api;
    private final Directory directory;
    private final Clock clock;

    DirectoryController(Api api, Directory directory, Clock clock) {
        this.api = api;
        this.directory = directory;
        this.clock = clock;
    }

    record Branch(String code, String name, List<String> divisions, String status) {}

    /** A bureau of the tree, indented by its depth below the office's own bureau. */
    record Node(Directory.Bureau bureau, int depth) {}

    @GetMapping("/office/directory")
    String directory(Person person, @RequestParam(required = false) String bureau, Model model) {
        var bureaus = directory.bureaus();
        String chosen = bureau == null || bureau.isBlank() ? person.bureau() : bureau;
        int top = bureaus.stream().mapToInt(b -> b.path().size()).min().orElse(1);
        var tree = bureaus.stream()
                .sorted(Comparator.comparing(b -> String.join("/", b.path())))
                .map(b -> new Node(b, b.path().size() - top))
                .toList();
        var branches = branches(chosen);
        var terms = directory.terms(chosen, false).stream()
                .filter(t -> t.bureau().equals(chosen))
                .sorted(Comparator.comparing(Directory.Term::from).reversed())
                .toList();
        Map<String, String> secretaries = terms.stream()
                .filter(t -> t.bureau().equals(chosen) && t.to() == null)
                .collect(Collectors.toMap(Directory.Term::branch, Directory.Term::name, (a, b) -> a));
        model.addAttribute("tree", tree);
        model.addAttribute("bureau", chosen);
        model.addAttribute("branches", branches);
        model.addAttribute("secretaries", secretaries);
        model.addAttribute("terms", terms);
        model.addAttribute(
                "branchNames", branches.stream().collect(Collectors.toMap(Branch::code, Branch::name, (a, b) -> a)));
        return "directory";
    }

    @GetMapping("/office/directory/{bureau}/branches/{branch}")
    String branch(@PathVariable String bureau, @PathVariable String branch, Model model) {
        model.addAttribute("bureau", bureau);
        model.addAttribute("branch", directory.branch(bureau, branch));
        model.addAttribute(
                "otherBranches",
                branches(bureau).stream()
                        .filter(b -> !b.code().equals(branch) && "ACTIVE".equals(b.status()))
                        .toList());
        // a first secretary is a member of the party committee
        model.addAttribute(
                "candidates",
                api
                        .get(
                                u -> u.path("/api/v1/bureaus/{b}/members")
                                        .queryParam("size", 500)
                                        .build(bureau),
                                new ParameterizedTypeReference<Page<Directory.Member>>() {})
                        .items()
                        .stream()
                        .filter(m -> m.roles() != null && m.roles().contains("COMMITTEE_MEMBER"))
                        .toList());
        model.addAttribute("today", LocalDate.now(clock));
        return "directory-branch";
    }

    private List<Branch> branches(String bureau) {
        return api.get(
                        u -> u.path("/api/v1/bureaus/{b}/branches")
                                .queryParam("size", 500)
                                .build(bureau),
                        new ParameterizedTypeReference<Page<Branch>>() {})
                .items();
    }
}

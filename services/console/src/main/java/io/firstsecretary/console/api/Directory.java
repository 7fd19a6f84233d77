package io.firstsecretary.console.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The directory as the pages need it: branches with their people, members, bureaus and terms. */
@Component
public class Directory {

    private final Api api;

    Directory(Api api) {
        this.api = api;
    }

    public Branch branch(String bureau, String branch) {
        return api.get(u -> u.path("/api/v1/bureaus/{b}/branches/{branch}").build(bureau, branch), Branch.class);
    }

    public MemberView member(String bureau, String member) {
        return api.get(u -> u.path("/api/v1/bureaus/{b}/members/{m}").build(bureau, member), MemberView.class);
    }

    /** The bureaus the caller reaches: his or her own and, for an office, every one below it. */
    public List<Bureau> bureaus() {
        return api.get(
                        u -> u.path("/api/v1/bureaus").queryParam("size", 500).build(),
                        new org.springframework.core.ParameterizedTypeReference<Page<Bureau>>() {})
                .items();
    }

    /** Every first-secretary term of a bureau (and below it, if asked), member id → name. */
    public Map<String, String> firstSecretaryNames(String bureau, boolean includeDescendants) {
        var names = new LinkedHashMap<String, String>();
        terms(bureau, includeDescendants).forEach(t -> names.putIfAbsent(t.member(), t.name()));
        return names;
    }

    /** Every first-secretary term of a bureau (and below it, if asked), page by page. */
    public List<Term> terms(String bureau, boolean includeDescendants) {
        var all = new java.util.ArrayList<Term>();
        for (int page = 0; ; page++) {
            int p = page;
            var terms = api.get(
                    u -> u.path("/api/v1/bureaus/{b}/first-secretaries")
                            .queryParam("includeDescendants", includeDescendants)
                            .queryParam("page", p)
                            .queryParam("size", 500)
                            .build(bureau),
                    new org.springframework.core.ParameterizedTypeReference<Page<Term>>() {});
            all.addAll(terms.items());
            if ((long) (p + 1) * terms.size() >= terms.total() || terms.items().isEmpty()) {
                return all;
            }
        }
    }

    public record Bureau(String code, String name, String level, String parent, List<String> path) {}

    public record Person(String id, String name, List<String> roles, String partyGroup) {}

    public record PartyGroup(String code, String name, Person leader, int size) {}

    public record Term(String id, String bureau, String member, String name, String branch, String from, String to) {}

    public record Branch(
            String bureau,
            String code,
            String name,
            List<String> divisions,
            String status,
            Term firstSecretary,
            Person secretary,
            List<Person> committee,
            List<PartyGroup> partyGroups,
            List<Person> members) {

        public Branch {
            committee = committee == null ? List.of() : committee;
            partyGroups = partyGroups == null ? List.of() : partyGroups;
            members = members == null ? List.of() : members;
        }

        /** Member id → name, for showing the people a duty names. */
        public Map<String, String> names() {
            var names = new LinkedHashMap<String, String>();
            members.forEach(m -> names.put(m.id(), m.name()));
            return names;
        }
    }

    public record Member(String id, String bureau, String name, List<String> roles, String branch, String partyGroup) {}

    public record MemberView(Member member, List<Term> firstSecretaryTerms) {}
}

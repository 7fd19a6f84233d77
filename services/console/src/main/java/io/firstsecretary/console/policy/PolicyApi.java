package io.firstsecretary.console.policy;

import io.firstsecretary.console.api.Api;
import io.firstsecretary.console.api.Items;
import java.util.List;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;

/** A bureau's duty catalogue and scoring policy at the assessment service: the version in force, its own, a new one. */
@Component
class PolicyApi {

    private final Api api;

    PolicyApi(Api api) {
        this.api = api;
    }

    DutyCatalogue.Saved catalogue(String bureau) {
        return api.get(u -> u.path("/api/v1/bureaus/{b}/catalogue").build(bureau), DutyCatalogue.Saved.class);
    }

    List<DutyCatalogue.Saved> catalogueVersions(String bureau) {
        return api.get(
                        u -> u.path("/api/v1/bureaus/{b}/catalogue/versions").build(bureau),
                        new ParameterizedTypeReference<Items<DutyCatalogue.Saved>>() {})
                .items();
    }

    DutyCatalogue.Saved save(String bureau, DutyCatalogue catalogue) {
        return api.put(
                u -> u.path("/api/v1/bureaus/{b}/catalogue/versions/{v}").build(bureau, catalogue.version()),
                catalogue,
                DutyCatalogue.Saved.class);
    }

    ScoringPolicy.Saved policy(String bureau) {
        return api.get(u -> u.path("/api/v1/bureaus/{b}/scoring-policy").build(bureau), ScoringPolicy.Saved.class);
    }

    List<ScoringPolicy.Saved> policyVersions(String bureau) {
        return api.get(
                        u -> u.path("/api/v1/bureaus/{b}/scoring-policy/versions")
                                .build(bureau),
                        new ParameterizedTypeReference<Items<ScoringPolicy.Saved>>() {})
                .items();
    }

    ScoringPolicy.Saved save(String bureau, ScoringPolicy policy) {
        return api.put(
                u -> u.path("/api/v1/bureaus/{b}/scoring-policy/versions/{v}").build(bureau, policy.version()),
                policy,
                ScoringPolicy.Saved.class);
    }
}

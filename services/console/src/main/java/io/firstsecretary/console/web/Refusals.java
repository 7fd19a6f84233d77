package io.firstsecretary.console.web;

import io.firstsecretary.console.api.ApiProblem;
import java.util.function.Function;
import org.springframework.validation.Errors;

/** The API's refusal of a form: each error on the form's field it names, the rest above the form. */
public final class Refusals {

    private Refusals() {}

    /**
     * Puts a 422's errors on {@code errors}, each on the field {@code fieldOf} finds for the API's name
     * with its indices dropped ({@code escalateTo[1]} is asked as {@code escalateTo}; null for none of the
     * form's). Any other refusal is not the form's to show, and goes on to the error page.
     */
    public static void reject(ApiProblem problem, Errors errors, Function<String, String> fieldOf) {
        if (problem.status() != 422) {
            throw problem;
        }
        onFields(problem, errors, fieldOf);
    }

    /** Puts a refusal's errors on the fields {@code fieldOf} finds, whatever its status. */
    public static void onFields(ApiProblem problem, Errors errors, Function<String, String> fieldOf) {
        if (problem.errors().isEmpty()) {
            errors.reject("validation.api", new Object[] {problem.getMessage()}, problem.getMessage());
        }
        for (var error : problem.errors()) {
            String field =
                    error.field() == null ? null : fieldOf.apply(error.field().replaceAll("\\[\\d+]", ""));
            Object[] message = {error.message()};
            if (field != null) {
                errors.rejectValue(field, "validation.api", message, error.message());
            } else {
                errors.reject("validation.api", message, error.message());
            }
        }
    }
}

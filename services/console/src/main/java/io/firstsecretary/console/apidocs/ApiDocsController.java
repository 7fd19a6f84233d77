package io.firstsecretary.console.apidocs;

import io.firstsecretary.console.ConsoleProperties;
import io.firstsecretary.console.api.Api;
import io.firstsecretary.console.security.ContentSecurityPolicy;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Swagger UI of the whole API at {@code /api-docs}. The documents come through the console with the
 * person's own token, as every page's data does; "Authorize" then signs in at the identity service
 * for a token to try operations with, which the browser sends to the gateway itself.
 */
@Controller
class ApiDocsController {

    /** The services with an API, in the order integrators meet them. */
    static final List<String> SERVICES = List.of("organisation", "activity", "assessment", "notification", "identity");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Api api;
    private final ConsoleProperties properties;

    ApiDocsController(Api api, ConsoleProperties properties) {
        this.api = api;
        this.properties = properties;
    }

    /** The one style element Swagger UI's bundle injects, allowed by its hash and on this page alone. */
    static final String SWAGGER_UI_STYLE = "sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w=";

    @GetMapping("/api-docs")
    String page(Model model, HttpServletResponse response) {
        response.setHeader(
                "Content-Security-Policy", ContentSecurityPolicy.of(properties.issuerUri(), SWAGGER_UI_STYLE));
        model.addAttribute(
                "documents",
                JSON.writeValueAsString(SERVICES.stream().map(Document::of).toList()));
        model.addAttribute("clientId", properties.apiDocsClientId());
        model.addAttribute("redirectUrl", properties.publicUrl() + "/api-docs/oauth2-redirect.html");
        return "api-docs";
    }

    @GetMapping(path = "/api-docs/{service}.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    String document(@PathVariable String service) {
        if (!SERVICES.contains(service)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return api.get(uri -> uri.path("/v3/api-docs/{service}").build(service), String.class);
    }

    /** Where the identity service sends the browser back with the code, in Swagger UI's sign-in window. */
    @GetMapping("/api-docs/oauth2-redirect.html")
    String signedIn() {
        return "api-docs-redirect";
    }

    /** A document in Swagger UI's list: its address and the name it is picked by. */
    record Document(String url, String name) {

        static Document of(String service) {
            return new Document("api-docs/" + service + ".json", service);
        }
    }
}

package io.firstsecretary.organisation.imports;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import java.util.ArrayList;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Documents the CSV import as one path per sheet. A sheet is one of a few names, and OpenAPI forbids
 * {@code /imports/{sheet}} beside {@code /imports/{id}}: two templates that match the same paths.
 */
@Component
class SheetPaths implements OpenApiCustomizer {

    static final String TEMPLATE = "/api/v1/bureaus/{bureau}/imports/{sheet}";

    @Override
    public void customise(OpenAPI api) {
        PathItem template = api.getPaths() == null ? null : api.getPaths().remove(TEMPLATE);
        if (template == null || template.getPost() == null) {
            return;
        }
        Operation csv = template.getPost();
        for (Sheet sheet : Sheet.values()) {
            String name = sheet.sheetName();
            var parameters = new ArrayList<>(csv.getParameters());
            parameters.removeIf(p -> "sheet".equals(p.getName()));
            var operation = new Operation()
                    .operationId(csv.getOperationId() + "_" + name.replace("-", "_"))
                    .summary("Import the " + name.replace('-', ' ') + " sheet as CSV")
                    .description("Columns: " + String.join(", ", sheet.columns()) + ", the header row first."
                            + (csv.getDescription() == null ? "" : "\n\n" + csv.getDescription()))
                    .tags(csv.getTags())
                    .parameters(parameters)
                    .requestBody(csv.getRequestBody())
                    .responses(csv.getResponses())
                    .security(csv.getSecurity());
            operation.setExtensions(csv.getExtensions());
            api.getPaths().addPathItem(TEMPLATE.replace("{sheet}", name), new PathItem().post(operation));
        }
    }
}

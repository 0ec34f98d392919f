package org.arrival.platform.idempotency;

import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;

/** The {@code Idempotency-Key} header in the API description, on every write operation. */
final class IdempotencyKeyDescription {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private IdempotencyKeyDescription() {}

    static OpenApiCustomizer customizer() {
        return api -> {
            if (api.getPaths() == null) {
                return;
            }
            api.getPaths()
                    .values()
                    .forEach(item -> item.readOperationsMap().forEach((method, operation) -> {
                        if (WRITES.contains(method.name())) {
                            operation.addParametersItem(parameter());
                            operation.getResponses().forEach((status, response) -> {
                                if (status.startsWith("2") || status.startsWith("4")) {
                                    response.addHeaderObject(
                                            IdempotencyFilter.REPLAYED_HEADER,
                                            new Header()
                                                    .description(
                                                            "true when this is the kept answer of an earlier request with the same Idempotency-Key")
                                                    .schema(new StringSchema()._enum(java.util.List.of("true"))));
                                }
                            });
                        }
                    }));
        };
    }

    private static HeaderParameter parameter() {
        HeaderParameter key = new HeaderParameter();
        key.name(IdempotencyFilter.KEY_HEADER)
                .required(false)
                .description("Makes a retried write safe: 1 to " + IdempotencyFilter.MAX_KEY_LENGTH
                        + " printable ASCII characters, new for each write and yours alone, kept 24 hours by default. A retry of"
                        + " the same request (method, address, query and body) with the same key is not run again:"
                        + " it gets the first answer, with Idempotent-Replayed: true (409 with Retry-After while the"
                        + " first still runs; 422 if the key was used for a different request).")
                .schema(new StringSchema().minLength(1).maxLength(IdempotencyFilter.MAX_KEY_LENGTH));
        return key;
    }
}

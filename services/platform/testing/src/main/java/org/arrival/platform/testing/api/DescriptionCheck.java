package org.arrival.platform.testing.api;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.BeanUtils;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * Holds a service's OpenAPI description to what its handlers do: every parameter an operation describes is one its
 * handler reads (a path variable, request parameter, header or a field of a bound query object), and every write
 * operation with a JSON body gives an example request whose fields the body's schema describes, required ones
 * included.
 */
public final class DescriptionCheck {

    /** What the platform's filters read on every write, whatever its handler: the Idempotency-Key header. */
    private static final Set<String> READ_ON_EVERY_WRITE = Set.of("header:idempotency-key");

    private DescriptionCheck() {}

    /** What the description says that the server does not do, one line each; empty when it is honest. */
    public static List<String> problems(ApiDescription api, RequestMappingHandlerMapping handlers) {
        Map<String, Set<String>> read = new HashMap<>();
        handlers.getHandlerMethods().forEach((info, method) -> {
            Set<String> names = readBy(method);
            for (String key : keys(info)) {
                read.merge(key, names, (a, b) -> {
                    Set<String> both = new HashSet<>(a);
                    both.addAll(b);
                    return both;
                });
            }
        });
        List<String> problems = new ArrayList<>();
        for (ApiOperation operation : api.operations()) {
            Set<String> names = read.get(operation.key());
            if (names == null) {
                problems.add(operation.key() + ": described, but no handler answers it");
                continue;
            }
            for (ApiOperation.ApiParameter p : operation.parameters()) {
                String name = p.in() + ":" + normal(p.in(), p.name());
                if (!names.contains(name)
                        && !names.contains(p.in() + ":*")
                        && !(operation.writes() && READ_ON_EVERY_WRITE.contains(name))) {
                    problems.add(operation.key() + ": describes " + p.in() + " parameter '" + p.name()
                            + "', which the server does not read");
                }
            }
            if (operation.writes() && operation.body() != null) {
                problems.addAll(exampleProblems(api, operation));
            }
        }
        return problems;
    }

    private static List<String> exampleProblems(ApiDescription api, ApiOperation operation) {
        JsonNode example = operation.example();
        JsonNode schema = operation.body();
        if (example == null) {
            return List.of(operation.key() + ": a write operation without an example request");
        }
        if (schema == null || !schema.has("properties")) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        if (!example.isObject()) {
            return List.of(operation.key() + ": the example request is not a JSON object");
        }
        Set<String> described = new HashSet<>(schema.path("properties").propertyNames());
        for (String field : example.propertyNames()) {
            if (!described.contains(field)) {
                problems.add(operation.key() + ": the example request has '" + field
                        + "', which the schema does not describe");
            }
        }
        for (JsonNode required : schema.path("required")) {
            if (!example.has(required.asString())) {
                problems.add(operation.key() + ": the example request leaves out the required '" + required.asString()
                        + "'");
            }
        }
        return problems;
    }

    private static List<String> keys(RequestMappingInfo info) {
        Set<String> paths = info.getPathPatternsCondition() != null
                ? info.getPathPatternsCondition().getPatternValues()
                : info.getPatternValues();
        List<String> methods =
                info.getMethodsCondition().getMethods().stream().map(Enum::name).toList();
        List<String> keys = new ArrayList<>();
        for (String path : paths) {
            String described = path.replaceAll("\\{([^}:]+):[^}]*}", "{$1}");
            for (String method : methods.isEmpty() ? List.of("GET", "POST", "PUT", "PATCH", "DELETE") : methods) {
                keys.add(method + " " + described);
            }
        }
        return keys;
    }

    /** The parameters a handler reads, as {@code in:name} the way OpenAPI names them. */
    private static Set<String> readBy(HandlerMethod method) {
        Set<String> names = new HashSet<>();
        for (MethodParameter parameter : method.getMethodParameters()) {
            parameter.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
            String name = parameter.getParameterName();
            PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
            RequestParam query = parameter.getParameterAnnotation(RequestParam.class);
            RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
            CookieValue cookie = parameter.getParameterAnnotation(CookieValue.class);
            Class<?> type = parameter.getParameterType();
            if (path != null) {
                names.add("path:" + either(path.name(), name));
            } else if (query != null) {
                names.add(Map.class.isAssignableFrom(type) ? "query:*" : "query:" + either(query.name(), name));
            } else if (header != null) {
                names.add(
                        Map.class.isAssignableFrom(type)
                                ? "header:*"
                                : "header:" + normal("header", either(header.name(), name)));
            } else if (cookie != null) {
                names.add("cookie:" + either(cookie.name(), name));
            } else if (parameter.hasParameterAnnotation(RequestBody.class)
                    || parameter.hasParameterAnnotation(RequestPart.class)) {
                continue;
            } else if (BeanUtils.isSimpleProperty(type)) {
                names.add("query:" + name);
            } else {
                fieldsOf(type).forEach(f -> names.add("query:" + f));
            }
        }
        return names;
    }

    /** The query parameters a bound object takes: its record components or bean properties. */
    private static List<String> fieldsOf(Class<?> type) {
        if (type.isRecord()) {
            List<String> fields = new ArrayList<>();
            for (RecordComponent c : type.getRecordComponents()) {
                fields.add(c.getName());
            }
            return fields;
        }
        List<String> fields = new ArrayList<>();
        for (var property : BeanUtils.getPropertyDescriptors(type)) {
            if (property.getWriteMethod() != null) {
                fields.add(property.getName());
            }
        }
        return fields;
    }

    private static String either(String annotated, @Nullable String declared) {
        return annotated.isEmpty() && declared != null ? declared : annotated;
    }

    private static String normal(String in, String name) {
        return "header".equals(in) ? name.toLowerCase(Locale.ROOT) : name;
    }
}

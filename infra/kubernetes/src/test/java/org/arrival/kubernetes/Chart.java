package org.arrival.kubernetes;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/** The chart rendered by Helm's own template engine (helm-java), without a cluster. */
final class Chart {

    static final String RELEASE = "arrival";
    static final String NAMESPACE = "arrival";

    private Chart() {}

    /** The objects the chart renders with its values.yaml and, when given, one overlay values file. */
    static List<Map<String, Object>> render(Path chart, String valuesFile) {
        TemplateCommand template = new Helm(chart).template().withName(RELEASE).withNamespace(NAMESPACE);
        if (valuesFile != null) {
            template = template.withValuesFile(chart.resolve(valuesFile));
        }
        return parse(template.call());
    }

    static List<Map<String, Object>> parse(String manifests) {
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Object document : new Yaml().loadAll(manifests)) {
            if (document instanceof Map<?, ?> m && !m.isEmpty()) {
                objects.add(Tree.copy(Tree.map(m)));
            }
        }
        return objects;
    }
}

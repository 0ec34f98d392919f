package org.arrival.assessments.checklist.reference;

import java.io.InputStream;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.arrival.assessments.checklist.domain.Instrument;

/**
 * The published versions of the readiness checklist, read from class-path YAML files and validated on load.
 * A file that is malformed or inconsistent (duplicate or ill-formed codes, empty text, a printed total that its
 * questions do not add up to) stops the load with an {@link IllegalStateException} that says what is wrong.
 */
public final class InstrumentCatalogue {

    /** The checklist files shipped with the service, oldest first. Add a file here to publish a new version. */
    public static final List<String> BUNDLED = List.of("checklist/un-habitat-2023.v1.yaml");

    private final NavigableMap<Integer, Instrument> versions;

    private InstrumentCatalogue(NavigableMap<Integer, Instrument> versions) {
        this.versions = Collections.unmodifiableNavigableMap(versions);
    }

    /** The bundled checklist files. */
    public static InstrumentCatalogue bundled() {
        return fromClasspath(BUNDLED);
    }

    /** The given class-path resources, e.g. {@code checklist/un-habitat-2023.v1.yaml}; all must describe one instrument. */
    public static InstrumentCatalogue fromClasspath(List<String> resources) {
        ClassLoader loader = Objects.requireNonNullElse(
                Thread.currentThread().getContextClassLoader(), InstrumentCatalogue.class.getClassLoader());
        return of(resources.stream()
                .map(resource -> {
                    InputStream in = loader.getResourceAsStream(resource);
                    if (in == null) {
                        throw new IllegalStateException("checklist " + resource + " is not on the class path");
                    }
                    return InstrumentReader.read(resource, in);
                })
                .toList());
    }

    /** A catalogue of already-built instruments, checked to be versions of one instrument. */
    public static InstrumentCatalogue of(List<Instrument> instruments) {
        if (instruments.isEmpty()) {
            throw new IllegalStateException("no checklist instrument to load");
        }
        String id = instruments.getFirst().id();
        NavigableMap<Integer, Instrument> versions = new TreeMap<>();
        for (Instrument instrument : instruments) {
            if (!instrument.id().equals(id)) {
                throw new IllegalStateException(
                        "checklist versions must share one instrument id: found " + id + " and " + instrument.id());
            }
            if (versions.putIfAbsent(instrument.version(), instrument) != null) {
                throw new IllegalStateException(
                        "checklist " + id + " version " + instrument.version() + " is defined more than once");
            }
        }
        return new InstrumentCatalogue(versions);
    }

    /** The latest version: the one new assessments use. */
    public Instrument current() {
        return versions.lastEntry().getValue();
    }

    /** A given version, kept so that past assessments stay interpretable. */
    public Optional<Instrument> version(int version) {
        return Optional.ofNullable(versions.get(version));
    }

    /** Every version, oldest first. */
    public List<Instrument> all() {
        return List.copyOf(versions.values());
    }
}

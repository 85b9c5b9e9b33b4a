package dev.virtcpu.fuzz;

import dev.virtcpu.analysis.AnalysisContext;
import dev.virtcpu.hosts.Host;
import dev.virtcpu.hosts.HostFileReader;
import dev.virtcpu.hosts.HostSet;
import dev.virtcpu.model.BundledMap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The context the analysis targets run in: the bundled map and the examples' 'prod' host set. */
final class FuzzProject {
    static final AnalysisContext CONTEXT = context();

    private FuzzProject() {
    }

    private static AnalysisContext context() {
        Path dir = Path.of(System.getProperty("virtcpu.projectDir", "")).toAbsolutePath().resolve("examples/hosts/prod");
        List<Host> hosts = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) hosts.addAll(HostFileReader.read(f, null).hosts());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new AnalysisContext(BundledMap.get(), "prod", new HostSet("prod", null, hosts, List.of()), true, Map.of());
    }
}

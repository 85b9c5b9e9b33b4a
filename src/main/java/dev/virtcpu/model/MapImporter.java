package dev.virtcpu.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Generates the bundled map from a libvirt cpu_map directory:
 * {@code java -cp target/classes dev.virtcpu.model.MapImporter CPU_MAP_DIR LIBVIRT_VERSION OUT_FILE}.
 */
public final class MapImporter {
    private MapImporter() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: MapImporter CPU_MAP_DIR LIBVIRT_VERSION OUT_FILE");
            System.exit(2);
        }
        try {
            CpuMap map = CpuMapLoader.load(Path.of(args[0]), args[1]);
            Files.writeString(Path.of(args[2]), CompactMapFormat.write(map), StandardCharsets.UTF_8);
            System.out.println("wrote " + args[2] + " from " + args[0] + " (libvirt " + args[1] + ")");
        } catch (MapLoadException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
        }
    }
}

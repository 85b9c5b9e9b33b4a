package dev.virtcpu.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Randomly damaged host descriptions give 'virtcpu baseline' a result or a clear error (exit 0 or 1,
 * an 'error:' line), never a stack trace or an internal failure.
 */
class DamagedHostFilesTest {
    private static final Path HOSTS = Path.of(System.getProperty("virtcpu.projectDir", ".")).resolve("examples/hosts/prod");
    private static final String NOISE = "<>/='\"&;! \nfeature model cpu";

    @Test
    void damagedHostFilesGiveAResultOrAClearError(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        long seed = Long.getLong("virtcpu.fuzz.seed", System.nanoTime());
        System.out.println("damaged host files seed=" + seed);
        Random random = new Random(seed);
        List<Path> hosts;
        try (Stream<Path> s = Files.list(HOSTS)) {
            hosts = s.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        }
        for (int round = 0; round < 150; round++) {
            StringBuilder sb = new StringBuilder(Files.readString(hosts.get(random.nextInt(hosts.size())), StandardCharsets.UTF_8));
            for (int i = 0, n = 1 + random.nextInt(4); i < n && sb.length() > 0; i++) {
                int at = random.nextInt(sb.length());
                if (random.nextBoolean()) sb.delete(at, Math.min(sb.length(), at + 1 + random.nextInt(15)));
                else sb.insert(at, NOISE.charAt(random.nextInt(NOISE.length())));
            }
            Path file = dir.resolve("host-" + round + ".xml");
            Files.writeString(file, sb, StandardCharsets.UTF_8);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = Main.run(new String[]{"baseline", file.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            String e = err.toString(StandardCharsets.UTF_8);
            String label = "seed=" + seed + " round=" + round + ": exit " + code + ", stderr " + e;
            assertTrue(code == 0 || code == 1, label);
            if (code == 1) assertTrue(e.startsWith("error: "), label);
            assertFalse(e.contains("Exception") || e.contains("\tat ") || e.contains("internal failure"), label);
        }
    }
}

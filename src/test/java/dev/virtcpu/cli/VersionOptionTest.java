package dev.virtcpu.cli;

import dev.virtcpu.PomVersion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine.Command;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --version} names the version pom.xml declares, on the command and on every subcommand. */
class VersionOptionTest {

    private static List<String> run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = Main.run(args, o, e);
        }
        assertEquals(0, exit, () -> "exit status; stderr: " + err.toString(StandardCharsets.UTF_8));
        return Arrays.asList(out.toString(StandardCharsets.UTF_8).split("\n"));
    }

    /** "" (virtcpu itself) and the name of every subcommand Main declares. */
    static Stream<String> commands() {
        Stream<String> subcommands = Arrays.stream(Main.class.getAnnotation(Command.class).subcommands())
                .map(c -> c.getAnnotation(Command.class).name());
        return Stream.concat(Stream.of(""), subcommands);
    }

    @ParameterizedTest
    @MethodSource("commands")
    void versionOptionPrintsThePomVersionAndTheBundledMap(String subcommand) {
        List<String> args = new ArrayList<>();
        if (!subcommand.isEmpty()) args.add(subcommand);
        args.add("--version");
        List<String> lines = run(args.toArray(String[]::new));
        assertEquals("virtcpu " + PomVersion.read(), lines.get(0));
        assertTrue(lines.get(1).startsWith("bundled CPU map: libvirt "), lines::toString);
    }
}

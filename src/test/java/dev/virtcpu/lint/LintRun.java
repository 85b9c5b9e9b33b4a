package dev.virtcpu.lint;

import dev.virtcpu.cli.Main;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;

/** One in-process {@code virtcpu lint …} run: exit status, stdout and stderr. */
record LintRun(int exit, String out, String err) {

    static LintRun lint(String... args) {
        List<String> all = new ArrayList<>();
        all.add("lint");
        all.addAll(List.of(args));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = Main.run(all.toArray(String[]::new), o, e);
        }
        LintRun run = new LintRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        assertFalse(run.err.contains("Exception") || run.out.contains("Exception"), () -> "stack trace:\n" + run);
        return run;
    }

    List<String> lines() {
        return out.isEmpty() ? List.of() : List.of(out.split("\n"));
    }

    @Override
    public String toString() {
        return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}

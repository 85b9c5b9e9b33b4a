package dev.virtcpu.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;

/** One in-process run of the {@code virtcpu} command line, with its exit status and both streams. */
public record CliRun(int exit, String out, String err) {

    public static CliRun of(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = Main.run(args, o, e);
        }
        CliRun run = new CliRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        run.assertNoStackTrace();
        return run;
    }

    /** A run whose standard input is {@code stdin}. */
    public static CliRun withInput(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = Main.run(args, new java.io.ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), o, e);
        }
        CliRun run = new CliRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        run.assertNoStackTrace();
        return run;
    }

    public static CliRun of(List<String> args) {
        return of(args.toArray(String[]::new));
    }

    public List<String> errLines() {
        return err.isEmpty() ? List.of() : List.of(err.split("\n", -1)).subList(0, err.split("\n", -1).length - (err.endsWith("\n") ? 1 : 0));
    }

    public String firstErrLine() {
        List<String> lines = errLines();
        return lines.isEmpty() ? "" : lines.get(0);
    }

    /** virtcpu never shows a Java stack trace or exception name, whatever the input. */
    public void assertNoStackTrace() {
        assertFalse(err.contains("Exception") || err.contains("\tat "), () -> "stack trace on stderr:\n" + err);
        assertFalse(out.contains("Exception") || out.contains("\tat "), () -> "stack trace on stdout:\n" + out);
    }
}

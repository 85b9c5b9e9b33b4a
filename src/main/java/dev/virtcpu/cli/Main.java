package dev.virtcpu.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintStream;
import java.io.PrintWriter;

/** The {@code virtcpu} command line. */
@Command(name = "virtcpu", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Checks libvirt <cpu> definitions against libvirt's CPU map and a set of hosts.",
        subcommands = {LspCommand.class, LintCommand.class, BaselineCommand.class, CompareCommand.class, HostCommand.class, ModelsCommand.class, FeaturesCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false);
        int code;
        try {
            code = run(args, out, System.err);
        } catch (StackOverflowError | OutOfMemoryError e) {
            // A last resort: the parsers' limits exist so that this is never reached.
            System.err.println("error: internal failure in virtcpu: " + e.getClass().getSimpleName()
                    + " (please report the input that caused it)");
            code = 3;
        }
        out.flush();
        System.exit(code);
    }

    /** Runs one command; returns the exit status. Never throws. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, System.in, out, err);
    }

    /** Runs one command reading standard input from {@code in}; returns the exit status. Never throws. */
    public static int run(String[] args, java.io.InputStream in, PrintStream out, PrintStream err) {
        if (args.length > 1 && args[0].equals("baseline")) {
            BaselineCommand simple;
            try {
                simple = BaselineCommand.parseSimple(java.util.Arrays.copyOfRange(args, 1, args.length));
            } catch (java.nio.file.InvalidPathException e) {
                simple = null;
            }
            if (simple != null) {
                PrintWriter o = new PrintWriter(out, false);
                PrintWriter e = new PrintWriter(err, true);
                int code = simple.execute(o, e);
                o.flush();
                e.flush();
                return code;
            }
        }
        // Building picocli's model of every subcommand costs a one-shot run ~0.1 s of reflection:
        // when the first argument names a subcommand, only that one is built.
        Object sub = args.length == 0 ? null : subcommand(args[0], in);
        CommandLine cli;
        String[] rest = args;
        if (sub != null) {
            cli = new CommandLine(sub);
            cli.setCommandName("virtcpu " + args[0]);
            rest = java.util.Arrays.copyOfRange(args, 1, args.length);
        } else {
            cli = new CommandLine(new Main());
        }
        PrintWriter outWriter = new PrintWriter(out, true);
        PrintWriter errWriter = new PrintWriter(err, true);
        cli.setOut(outWriter);
        cli.setErr(errWriter);
        cli.setParameterExceptionHandler((ex, a) -> {
            errWriter.println("virtcpu: " + ex.getMessage());
            CommandLine c = ex.getCommandLine();
            errWriter.println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more information.");
            return 2;
        });
        cli.setExecutionExceptionHandler((ex, c, r) -> {
            errWriter.println("error: internal failure in virtcpu: " + ex);
            return 3;
        });
        int code = cli.execute(rest);
        outWriter.flush();
        errWriter.flush();
        return code;
    }

    private static Object subcommand(String name, java.io.InputStream in) {
        return switch (name) {
            case "lsp" -> new LspCommand();
            case "lint" -> new LintCommand();
            case "baseline" -> new BaselineCommand();
            case "compare" -> new CompareCommand();
            case "host" -> new HostCommand(in);
            case "models" -> new ModelsCommand();
            case "features" -> new FeaturesCommand();
            default -> null;
        };
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
    }
}

package dev.virtcpu.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** A command whose output mimics virsh's: whatever happens, it ends with virsh's empty stdout line. */
abstract class VirshStyleCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() {
        return execute(spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    final int execute(PrintWriter out, PrintWriter err) {
        int status = run(out, err);
        // virsh ends every non-interactive command with an empty line on stdout, success or not.
        out.print('\n');
        out.flush();
        return status;
    }

    abstract int run(PrintWriter out, PrintWriter err);
}

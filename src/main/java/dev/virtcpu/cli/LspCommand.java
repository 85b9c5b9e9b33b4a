package dev.virtcpu.cli;

import dev.virtcpu.lsp.LspMain;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** {@code virtcpu lsp}: the language server on stdio, for any LSP editor. */
@Command(name = "lsp", mixinStandardHelpOptions = true, versionProvider = Version.class, description = "Runs the virtcpu language server on stdin/stdout.")
final class LspCommand implements Callable<Integer> {
    @Option(names = "--stdio", description = "Use stdin/stdout (the default and only transport).")
    boolean stdio;

    @Override
    public Integer call() {
        return LspMain.run();
    }
}

package dev.virtcpu.lsp;

import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.services.LanguageClient;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.ExecutionException;

/** Runs the language server on stdio. stdout carries only the protocol; logs go to stderr. */
public final class LspMain {
    private LspMain() {
    }

    public static int run() {
        InputStream in = System.in;
        OutputStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true);
        System.setOut(System.err);
        return run(in, out);
    }

    public static int run(InputStream in, OutputStream out) {
        oneLineLogs();
        VirtcpuLanguageServer server = new VirtcpuLanguageServer();
        Launcher<LanguageClient> launcher = LspLauncher.create(server, in, out);
        server.connect(launcher.getRemoteProxy());
        try {
            launcher.startListening().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            System.err.println("virtcpu lsp: connection ended: " + e.getCause());
        }
        return server.exitCode();
    }

    /** Held so that the configuration below is not collected with the logger. */
    private static java.util.logging.Logger lsp4jLog;

    /** LSP4J logs through java.util.logging: one line per record on stderr, no stack traces. */
    private static synchronized void oneLineLogs() {
        if (lsp4jLog != null) return;
        java.util.logging.Logger lsp4j = java.util.logging.Logger.getLogger("org.eclipse.lsp4j");
        lsp4jLog = lsp4j;
        lsp4j.setUseParentHandlers(false);
        java.util.logging.Handler h = new java.util.logging.StreamHandler(System.err, new java.util.logging.Formatter() {
            @Override
            public String format(java.util.logging.LogRecord r) {
                Throwable t = r.getThrown();
                return "virtcpu lsp: " + r.getLevel() + ": " + formatMessage(r) + (t == null ? "" : ": " + t) + System.lineSeparator();
            }
        }) {
            @Override
            public synchronized void publish(java.util.logging.LogRecord record) {
                super.publish(record);
                flush();
            }
        };
        lsp4j.addHandler(h);
    }
}

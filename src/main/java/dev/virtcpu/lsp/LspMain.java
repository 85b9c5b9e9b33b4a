package dev.virtcpu.lsp;

import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
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
        VirtcpuLanguageServer server = new VirtcpuLanguageServer();
        Launcher<LanguageClient> launcher = LSPLauncher.createServerLauncher(server, in, out);
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
}

package dev.virtcpu.lsp;

import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.MessageProducer;
import org.eclipse.lsp4j.jsonrpc.RemoteEndpoint;
import org.eclipse.lsp4j.jsonrpc.json.ConcurrentMessageProcessor;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.json.StreamMessageConsumer;
import org.eclipse.lsp4j.jsonrpc.validation.ReflectiveMessageValidator;
import org.eclipse.lsp4j.jsonrpc.messages.Message;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseMessage;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.services.LanguageClient;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CompletionException;

/**
 * LSP4J's launcher with virtcpu's fault handling: frames read by {@link FrameReader} (resynchronises
 * after a damaged frame), the LSP lifecycle enforced by {@link LifecycleGuard}, and errors that carry
 * a short message for the client, never a Java stack trace (that goes to stderr, one line).
 */
final class LspLauncher extends Launcher.Builder<LanguageClient> {
    private final InputStream in;
    private MessageConsumer toClient;
    private MessageJsonHandler jsonHandler;

    private LspLauncher(InputStream in) {
        this.in = in;
    }

    static Launcher<LanguageClient> create(Object server, InputStream in, OutputStream out) {
        LspLauncher b = new LspLauncher(in);
        b.setLocalService(server).setRemoteInterface(LanguageClient.class).setInput(in).setOutput(out)
                .setExceptionHandler(LspLauncher::internalError);
        return b.create();
    }

    @Override
    protected MessageJsonHandler createJsonHandler() {
        jsonHandler = super.createJsonHandler();
        return jsonHandler;
    }

    @Override
    protected MessageConsumer wrapMessageConsumer(MessageConsumer consumer) {
        // LSP4J wraps both directions here: the stream to the client and its own endpoint.
        if (consumer instanceof StreamMessageConsumer) {
            toClient = message -> consumer.consume(withoutErrorData(message));
            return toClient;
        }
        // Incoming messages are checked against LSP4J's @NonNull annotations: a request missing a
        // required field gets InvalidParams instead of failing somewhere inside the server.
        return new LifecycleGuard(new ReflectiveMessageValidator(consumer), toClient);
    }

    @Override
    protected ConcurrentMessageProcessor createMessageProcessor(MessageProducer lsp4jReader, MessageConsumer consumer,
                                                                LanguageClient remoteProxy) {
        RemoteEndpoint endpoint = (RemoteEndpoint) jsonHandler.getMethodProvider();
        FrameReader reader = new FrameReader(in, jsonHandler, endpoint, this::damaged);
        return super.createMessageProcessor(reader, consumer, remoteProxy);
    }

    /** A damaged frame: a line on stderr, and for an unreadable body JSON-RPC's parse error (id null). */
    private void damaged(String what, boolean body) {
        System.err.println("virtcpu lsp: damaged message from the client: " + what);
        if (!body) return;
        ResponseMessage r = new ResponseMessage();
        r.setJsonrpc("2.0");
        r.setError(new ResponseError(ResponseErrorCode.ParseError, "Parse error: " + what, null));
        toClient.consume(r);
    }

    /** An exception of a request handler: one line on stderr, a short error for the client. */
    static ResponseError internalError(Throwable t) {
        Throwable cause = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
        if (cause instanceof ResponseErrorException r) return r.getResponseError();
        StackTraceElement[] trace = cause.getStackTrace();
        System.err.println("virtcpu lsp: internal error: " + cause + (trace.length > 0 ? " at " + trace[0] : ""));
        return new ResponseError(ResponseErrorCode.InternalError, "internal error in virtcpu (details in the server's log)", null);
    }

    /** LSP4J puts exceptions (stack traces included) into error data; the client gets the message only. */
    private static Message withoutErrorData(Message message) {
        if (message instanceof ResponseMessage r && r.getError() != null && r.getError().getData() != null) {
            r.getError().setData(null);
        }
        return message;
    }
}

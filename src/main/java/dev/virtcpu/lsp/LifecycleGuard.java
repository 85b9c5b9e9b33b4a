package dev.virtcpu.lsp;

import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.messages.Message;
import org.eclipse.lsp4j.jsonrpc.messages.NotificationMessage;
import org.eclipse.lsp4j.jsonrpc.messages.RequestMessage;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseMessage;

/**
 * The order LSP requires: before {@code initialize} every request but it is answered with
 * ServerNotInitialized and notifications but {@code exit} are dropped; {@code initialize} comes once;
 * after {@code shutdown} requests are answered with InvalidRequest. Responses pass through.
 */
final class LifecycleGuard implements MessageConsumer {
    private final MessageConsumer next;
    private final MessageConsumer out;
    private volatile boolean initialized;
    private volatile boolean shutdown;

    /** @param next the server side (LSP4J's remote endpoint); {@code out} the stream to the client */
    LifecycleGuard(MessageConsumer next, MessageConsumer out) {
        this.next = next;
        this.out = out;
    }

    @Override
    public void consume(Message message) {
        if (message instanceof RequestMessage r) {
            String refusal = refusal(r.getMethod());
            if (refusal != null) {
                reject(r, refusal);
                return;
            }
            if ("initialize".equals(r.getMethod())) initialized = true;
            if ("shutdown".equals(r.getMethod())) shutdown = true;
        } else if (message instanceof NotificationMessage n && !"exit".equals(n.getMethod()) && (!initialized || shutdown)) {
            return;
        }
        next.consume(message);
    }

    private String refusal(String method) {
        if ("initialize".equals(method)) return initialized ? "initialize was already sent" : null;
        if (!initialized) return "the server is not initialized: send initialize first";
        if (shutdown) return "the server is shutting down: only exit is accepted";
        return null;
    }

    private void reject(RequestMessage r, String why) {
        int code = initialized ? ResponseErrorCode.InvalidRequest.getValue() : ResponseErrorCode.ServerNotInitialized.getValue();
        ResponseMessage response = new ResponseMessage();
        response.setJsonrpc("2.0");
        response.setRawId(r.getRawId());
        response.setError(new ResponseError(code, why, null));
        out.consume(response);
    }
}

package dev.virtcpu.lsp;

import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class LspLauncherTest {
    @Test
    void anExceptionBecomesAnInternalErrorWithoutDetailsForTheClient() {
        ResponseError e = LspLauncher.internalError(new CompletionException(new IllegalStateException("secret detail")));
        assertEquals(ResponseErrorCode.InternalError.getValue(), e.getCode());
        assertEquals("internal error in virtcpu (details in the server's log)", e.getMessage());
        assertNull(e.getData());
    }

    @Test
    void anLspErrorIsPassedOnAsItIs() {
        ResponseError mine = new ResponseError(ResponseErrorCode.InvalidParams, "unknown command x", null);
        assertSame(mine, LspLauncher.internalError(new CompletionException(new ResponseErrorException(mine))));
    }
}

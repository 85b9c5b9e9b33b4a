package dev.virtcpu.lsp;

import com.google.gson.JsonElement;
import dev.virtcpu.analysis.HostSetQueries;
import dev.virtcpu.analysis.Project;
import dev.virtcpu.xml.XmlDocument;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** workspace/executeCommand: the host-set commands, translated to and from the analysis layer. */
final class Commands {
    /** {@code virtcpu.showBaseline} is the code lens' command: VS Code shows the baseline in an editor, other clients get it as a message. */
    static final List<String> NAMES = List.of("virtcpu.hostSets", "virtcpu.baseline", "virtcpu.selectHostSet", "virtcpu.showBaseline");

    private Commands() {
    }

    /**
     * @param onSelect run after the host set changed (recheck open documents)
     * @param show     shows a message to the user
     */
    static Object execute(Project project, String command, List<Object> args, Path file, XmlDocument doc, Runnable onSelect,
                          java.util.function.Consumer<String> show) {
        switch (command) {
            case "virtcpu.hostSets": {
                HostSetQueries.Sets s = HostSetQueries.sets(project, file, doc);
                List<Object> sets = new ArrayList<>();
                for (HostSetQueries.SetInfo i : s.sets()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("name", i.name());
                    m.put("hosts", i.hosts());
                    m.put("baselineModel", i.baselineModel());
                    m.put("source", i.source() == null ? null : i.source().toString());
                    sets.add(m);
                }
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("sets", sets);
                result.put("active", s.active());
                return result;
            }
            case "virtcpu.baseline": {
                HostSetQueries.BaselineAnswer b = HostSetQueries.baseline(project, file, doc, arg(args, 1));
                Map<String, Object> result = new LinkedHashMap<>();
                if (b.error() != null) {
                    result.put("error", b.error());
                    return result;
                }
                result.put("xml", b.xml());
                result.put("hostSet", b.hostSet());
                result.put("hosts", b.hosts());
                result.put("summary", b.summary());
                return result;
            }
            case "virtcpu.showBaseline": {
                HostSetQueries.BaselineAnswer b = HostSetQueries.baseline(project, file, doc, arg(args, 1));
                show.accept(b.error() != null ? "virtcpu: no baseline: " + b.error()
                        : "virtcpu: baseline of host set '" + b.hostSet() + "' (" + b.hosts() + " hosts): " + b.summary()
                        + "\n" + b.xml());
                return execute(project, "virtcpu.baseline", args, file, doc, onSelect, show);
            }
            case "virtcpu.selectHostSet":
                project.select(file, arg(args, 1));
                onSelect.run();
                return null;
            default:
                throw new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidParams, "unknown command " + command, null));
        }
    }

    static String arg(List<Object> args, int i) {
        Object o = args.size() > i ? args.get(i) : null;
        if (o == null) return null;
        if (o instanceof JsonElement j) return j.isJsonNull() ? null : j.isJsonPrimitive() ? j.getAsString() : j.toString();
        return o.toString();
    }
}

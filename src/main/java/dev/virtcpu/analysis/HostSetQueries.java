package dev.virtcpu.analysis;

import dev.virtcpu.cpu.CpuFormatter;
import dev.virtcpu.hosts.Config;
import dev.virtcpu.hosts.HostSet;
import dev.virtcpu.xml.XmlDocument;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What editors ask about host sets: which sets a file can use, and a set's baseline CPU. */
public final class HostSetQueries {
    /** One host set of a file's configuration. */
    public record SetInfo(String name, int hosts, String baselineModel, Path source) {
    }

    /** The sets of the file's configuration, and the one the file is checked against. */
    public record Sets(List<SetInfo> sets, String active) {
    }

    /** A set's baseline as {@code virsh cpu-baseline} prints it, or why there is none. */
    public record BaselineAnswer(String xml, String hostSet, int hosts, String summary, String error) {
        static BaselineAnswer failed(String error) {
            return new BaselineAnswer(null, null, 0, null, error);
        }
    }

    private HostSetQueries() {
    }

    public static Sets sets(Project project, Path file, XmlDocument doc) {
        Config c = project.configFor(file);
        Project.Resolution r = project.resolve(file, doc);
        List<SetInfo> sets = new ArrayList<>();
        if (c != null) {
            for (String name : c.hostSets.keySet()) {
                HostSet set = project.workspace().hostSet(c, name);
                HostSet.Evaluation ev = set.evaluate(r.context().map());
                sets.add(new SetInfo(name, set.hosts().size(), ev.baseline() == null ? null : ev.baseline().model, c.file));
            }
        }
        return new Sets(sets, r.context().hostSetName());
    }

    /** @param name the set to use (null: the one the file is checked against) */
    public static BaselineAnswer baseline(Project project, Path file, XmlDocument doc, String name) {
        Project.Resolution r = project.resolve(file, doc);
        HostSet set = name == null ? r.context().hostSet() : project.workspace().hostSet(project.configFor(file), name);
        if (set == null) {
            return BaselineAnswer.failed("no host set" + (name == null ? " is configured for this file" : " named '" + name + "'"));
        }
        HostSet.Evaluation ev = set.evaluate(r.context().map());
        if (ev.baseline() == null) return BaselineAnswer.failed(ev.baselineError());
        return new BaselineAnswer(CpuFormatter.format(ev.baseline()), set.name(), set.hosts().size(),
                BaselineEdit.summary(ev.baseline()), null);
    }
}

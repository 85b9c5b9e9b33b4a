package dev.virtcpu.analysis;

import dev.virtcpu.analysis.rules.CpuContext;
import dev.virtcpu.analysis.rules.MixedVendors;
import dev.virtcpu.analysis.rules.Rules;
import dev.virtcpu.analysis.schema.SchemaProblem;
import dev.virtcpu.hosts.HostSet;
import dev.virtcpu.hosts.Problem;
import dev.virtcpu.xml.XmlDocument;
import dev.virtcpu.xml.XmlElement;
import dev.virtcpu.xml.XmlParser;
import dev.virtcpu.xml.XmlProblem;

import java.util.ArrayList;
import java.util.List;

/**
 * Analyses a domain XML document: XML syntax, every guest {@code <cpu>} against libvirt's rules and
 * map, and against the host set. Half-typed documents are normal: syntax problems are reported where
 * they are and analysis goes on with what could be parsed. Never throws for any input text.
 */
public final class Analyzer {
    private Analyzer() {
    }

    public static DocumentAnalysis analyze(String text, AnalysisContext context) {
        return analyze(XmlParser.parse(text), context);
    }

    public static DocumentAnalysis analyze(XmlDocument doc, AnalysisContext context) {
        return analyze(doc, context, true);
    }

    /**
     * The analysis without the host-set fix ladder: how a fix is checked (its result analysed again)
     * without checking fixes of the fixed text in turn.
     */
    public static DocumentAnalysis analyzeWithoutFixes(String text, AnalysisContext context) {
        return analyze(XmlParser.parse(text), context, false);
    }

    private static DocumentAnalysis analyze(XmlDocument doc, AnalysisContext context, boolean fixLadders) {
        FindingSink sink = new FindingSink(context);
        XmlElement root = doc.rootElement();
        boolean domain = root != null && root.name().equals("domain");
        // Other XML (pom.xml, networks, host descriptions…) is not ours: say nothing about it.
        if (!domain) return new DocumentAnalysis(doc, false, List.of(), List.of(), context);
        for (XmlProblem p : doc.problems()) {
            sink.add(Codes.XML_SYNTAX, new int[]{p.start(), Math.max(p.end(), p.start() + 1)}, p.message());
        }
        List<XmlElement> cpus = root.elements("cpu");
        for (int i = 1; i < cpus.size(); i++) {
            sink.add(Codes.INVALID_ELEMENT, Ranges.name(cpus.get(i)), "a domain has one <cpu>; libvirt ignores this one");
        }
        if (context.domainSchema() != null && doc.problems().isEmpty()) schema(doc, context, sink);
        hostSetProblems(cpus, context, sink);
        for (XmlElement cpu : cpus) {
            CpuContext c = new CpuContext(doc, cpu, context, sink, fixLadders);
            int mark = sink.mark();
            Rules.checkDefinition(c);
            sink.sortFrom(mark);
            // After the definition rules: the schema check reports only what they did not.
            CpuSchemaChecks.check(doc, cpu, sink);
            Rules.checkHosts(c);
        }
        List<Finding> findings = sink.findings();
        if (fixLadders) findings = new FixCheck(doc.text(), context, findings).checked(findings);
        return new DocumentAnalysis(doc, true, cpus, findings, context);
    }

    /** Full-domain validation against libvirt's RelaxNG schemas: every error at once. */
    private static void schema(XmlDocument doc, AnalysisContext context, FindingSink sink) {
        for (SchemaProblem p : context.domainSchema().validate(doc.text(), null)) {
            int start = doc.lines().offset(Math.max(0, p.line() - 1), Math.max(0, p.column() - 1));
            int end = p.endLine() > 0 ? doc.lines().offset(p.endLine() - 1, Math.max(0, p.endColumn() - 1)) : start + 1;
            sink.add(Codes.SCHEMA, new int[]{start, Math.max(end, start + 1)}, p.message());
        }
    }

    private static void hostSetProblems(List<XmlElement> cpus, AnalysisContext context, FindingSink sink) {
        if (cpus.isEmpty()) return;
        int[] at = Ranges.name(cpus.get(0));
        if (context.hostSetName() != null && context.hostSet() == null) {
            sink.add(Codes.HOST_SET_UNKNOWN, at, "host set '" + context.hostSetName() + "' is not defined in .virtcpu.json");
            return;
        }
        HostSet set = context.hostSet();
        if (set == null) return;
        List<String> broken = new ArrayList<>();
        for (Problem p : set.problems()) broken.add(p.file() == null ? p.message() : p.file().getFileName() + ": " + p.message());
        HostSet.Evaluation eval = context.evaluation();
        for (HostSet.HostData h : eval.hosts()) {
            if (h.error() != null) broken.add(h.host().name() + ": " + h.error());
        }
        if (!broken.isEmpty()) {
            sink.add(Codes.HOST_SET_PROBLEM, at, "host set '" + set.name() + "': " + broken.size() + " problem"
                    + (broken.size() == 1 ? "" : "s") + " reading its hosts (" + HostNames.join(broken) + ")");
        }
        if (eval.usable().isEmpty()) {
            sink.add(Codes.HOST_SET_PROBLEM, at, "host set '" + set.name() + "' has no usable hosts");
        } else if (eval.baseline() == null && !MixedVendors.mixes(eval.usable())) {
            sink.add(Codes.HOST_SET_PROBLEM, at, "host set '" + set.name() + "' has no baseline CPU: " + eval.baselineError());
        }
    }
}

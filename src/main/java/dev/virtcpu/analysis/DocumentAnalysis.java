package dev.virtcpu.analysis;

import dev.virtcpu.xml.XmlDocument;
import dev.virtcpu.xml.XmlElement;

import java.util.List;

/** One analysed document: its tree, its guest {@code <cpu>} elements and every finding. */
public record DocumentAnalysis(XmlDocument document, boolean isDomain, List<XmlElement> cpus,
                               List<Finding> findings, AnalysisContext context) {
}

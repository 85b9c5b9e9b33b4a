package dev.virtcpu.analysis.rules;

import dev.virtcpu.analysis.Fix;
import dev.virtcpu.analysis.Severity;
import dev.virtcpu.xml.XmlAttribute;
import dev.virtcpu.xml.XmlElement;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code <numa>} cells libvirt refuses (duplicate or out-of-range ids, overlapping vCPUs, vCPUs
 * beyond {@code <vcpu>}) or completes on its own (vCPUs no cell lists go to cell 0).
 */
public final class NumaCells extends Rule {
    public NumaCells() {
        super("numa-cells", Severity.ERROR,
                "<numa> cells with duplicate or out-of-range ids, overlapping vCPUs, vCPUs beyond <vcpu>, or vCPUs in no cell.", """
                libvirt reads the cells in order, an id defaulting to the cell's position, and refuses a domain whose
                cell ids are not exactly 0..n-1 ('Exactly one 'cell' element per guest NUMA cell allowed…', 'Duplicate
                NUMA cell info for cell id'), whose cells share a vCPU ('NUMA cells 1 and 0 have overlapping vCPU
                ids'), or whose cells list more vCPUs, or higher vCPU ids, than <vcpu> allows ('Number of CPUs in
                <numa> exceeds the <vcpu> count', 'CPU IDs in <numa> exceed the <vcpu> count'); the test driver
                refuses these too. vCPUs that no cell lists are accepted, and libvirt's QEMU driver silently adds
                them to cell 0 when the guest starts (a behaviour it calls to be deprecated), so the guest's NUMA
                layout is not the one written: list every vCPU in a cell.""");
    }

    /** A cell as libvirt reads it: its element, id (explicit or its position) and vCPUs (null: none or unparsable). */
    private record Cell(XmlElement element, int id, BitSet cpus) {
    }

    @Override
    public void check(CpuContext c) {
        XmlElement numa = c.cpu().element("numa");
        if (numa == null) return;
        List<XmlElement> elements = numa.elements("cell");
        if (elements.isEmpty()) {
            c.report(this, c.nameRange(numa), "NUMA topology defined without NUMA cells");
            return;
        }
        int mark = c.findingCount();
        List<Cell> cells = cells(c, elements);
        Long max = c.maxVcpus();
        // libvirt stops at its first error; counts over overlapping or duplicate cells would mislead.
        if (cells == null || max == null || c.findingCount() > mark) return;
        if (!beyondVcpus(c, numa, cells, max)) leftOut(c, cells, max);
    }

    /** The cells, with id and overlap problems reported; null when an id cannot be read. */
    private List<Cell> cells(CpuContext c, List<XmlElement> elements) {
        List<Cell> cells = new ArrayList<>();
        Map<Integer, Cell> byId = new HashMap<>();
        for (int i = 0; i < elements.size(); i++) {
            XmlElement e = elements.get(i);
            XmlAttribute idAttr = e.attribute("id");
            if (idAttr != null && (idAttr.value() == null || !idAttr.value().matches("[0-9]{1,9}"))) return null;
            int id = idAttr == null ? i : Integer.parseInt(idAttr.value());
            int[] at = idAttr == null ? c.nameRange(e) : c.valueRange(idAttr);
            XmlAttribute cpusAttr = e.attribute("cpus");
            BitSet cpus = cpusAttr == null ? null : CpuBitmap.parse(cpusAttr.value());
            if (cpusAttr != null && cpus == null) {
                c.report(this, c.valueRange(cpusAttr), "Failed to parse bitmap '" + cpusAttr.value() + "'");
            }
            Cell cell = new Cell(e, id, cpus == null || cpus.isEmpty() ? null : cpus);
            if (id >= elements.size()) {
                c.report(this, at, "cell id " + id + " with " + elements.size() + " cells: libvirt wants the ids 0.." + (elements.size() - 1)
                        + " ('Exactly one 'cell' element per guest NUMA cell allowed, non-contiguous ranges or ranges not starting from 0 are not allowed')");
            } else if (byId.containsKey(id)) {
                c.report(this, at, "Duplicate NUMA cell info for cell id '" + id + "'");
            } else {
                overlaps(c, cell, cells);
                byId.put(id, cell);
            }
            cells.add(cell);
        }
        return cells;
    }

    private void overlaps(CpuContext c, Cell cell, List<Cell> earlier) {
        if (cell.cpus() == null) return;
        for (Cell other : earlier) {
            if (other.cpus() == null || other.id() == cell.id() || !other.cpus().intersects(cell.cpus())) continue;
            BitSet shared = (BitSet) cell.cpus().clone();
            shared.and(other.cpus());
            c.report(this, c.valueRange(cell.element().attribute("cpus")), "NUMA cells " + cell.id() + " and " + other.id()
                    + " have overlapping vCPU ids (" + CpuBitmap.format(shared) + ")");
        }
    }

    /** Reports cells listing more vCPUs, or higher ids, than {@code <vcpu>} allows; whether it did. */
    private boolean beyondVcpus(CpuContext c, XmlElement numa, List<Cell> cells, long max) {
        BitSet all = new BitSet();
        int count = 0;
        for (Cell cell : cells) {
            if (cell.cpus() == null) continue;
            count += cell.cpus().cardinality();
            all.or(cell.cpus());
        }
        if (count > max) {
            c.report(this, c.nameRange(numa), "the cells list " + count + " vCPUs, <vcpu> allows " + max
                    + ": 'Number of CPUs in <numa> exceeds the <vcpu> count'");
            return true;
        }
        if (all.length() > max) {
            c.report(this, c.nameRange(numa), "the cells list vCPU " + (all.length() - 1) + ", but <vcpu> allows 0-" + (max - 1)
                    + ": 'CPU IDs in <numa> exceed the <vcpu> count'");
            return true;
        }
        return false;
    }

    /** vCPUs no cell lists: libvirt's QEMU driver puts them into cell 0 (qemuDomainDefNumaCPUsRectify). */
    private void leftOut(CpuContext c, List<Cell> cells, long max) {
        BitSet missing = new BitSet();
        missing.set(0, (int) Math.min(max, CpuBitmap.LIMIT));
        for (Cell cell : cells) {
            if (cell.cpus() != null) missing.andNot(cell.cpus());
        }
        if (missing.isEmpty() || missing.cardinality() == max) return;
        Cell zero = null;
        for (Cell cell : cells) {
            if (cell.id() == 0) zero = cell;
        }
        XmlElement at = zero == null ? cells.get(0).element() : zero.element();
        List<Fix> fixes = new ArrayList<>();
        XmlAttribute cpus = zero == null ? null : zero.element().attribute("cpus");
        if (cpus != null && zero.cpus() != null) {
            BitSet joined = (BitSet) zero.cpus().clone();
            joined.or(missing);
            fixes.add(new Fix("List vCPU" + (missing.cardinality() == 1 ? " " : "s ") + CpuBitmap.format(missing) + " in cell 0 (cpus='"
                    + CpuBitmap.format(joined) + "', as libvirt does)",
                    List.of(c.replace(c.valueRange(cpus), CpuBitmap.format(joined))), true, false));
        }
        boolean one = missing.cardinality() == 1;
        c.report(this, Severity.WARNING, c.nameRange(at), "vCPU" + (one ? " " : "s ") + CpuBitmap.format(missing) + " of " + max + " "
                + (one ? "is" : "are") + " in no cell: libvirt's QEMU driver adds " + (one ? "it" : "them") + " to cell 0 when the guest starts",
                fixes);
    }
}

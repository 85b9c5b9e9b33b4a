package dev.virtcpu.cli;

import dev.virtcpu.cpu.CpuFile;
import dev.virtcpu.cpu.InputException;
import dev.virtcpu.cpu.LibvirtException;
import dev.virtcpu.model.CpuMap;
import dev.virtcpu.xml.XmlNode;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Shared plumbing of the one-shot commands: map selection, file reading and error printing. */
final class CommandSupport {
    /** A failure already reported to the user, carrying the exit status. */
    static final class Failure extends Exception {
        final int status;

        Failure(int status) {
            super(null, null, false, false);
            this.status = status;
        }
    }

    private CommandSupport() {
    }

    /** The map's part for a libvirt architecture name; an unknown name is a usage error. */
    static dev.virtcpu.model.ArchMap arch(CpuMap map, String arch, PrintWriter err) throws Failure {
        String family = CpuMap.familyOf(arch);
        if (family == null) {
            err.println("virtcpu: unknown architecture '" + arch + "' (try x86_64, ppc64, aarch64)");
            throw new Failure(2);
        }
        dev.virtcpu.model.ArchMap archMap = map.arch(family);
        if (archMap == null) {
            err.println("error: the CPU map has nothing for " + arch);
            throw new Failure(1);
        }
        return archMap;
    }

    static List<CpuFile> read(List<String> names, PrintWriter err) throws Failure {
        List<CpuFile> files = new ArrayList<>();
        for (String name : names) {
            try {
                files.add(CpuFile.read(Path.of(name), name));
            } catch (InputException e) {
                err.println("error: " + e.getMessage());
                throw new Failure(1);
            } catch (java.nio.file.InvalidPathException e) {
                err.println("error: cannot read " + name + ": invalid path");
                throw new Failure(1);
            }
        }
        return files;
    }

    /** Prints libvirt's error line exactly as virsh does, then where in the input it comes from. */
    static Failure fail(LibvirtException e, List<CpuFile> files, PrintWriter err) {
        err.println("error: " + e.virshText());
        XmlNode node = e.node();
        if (node != null) {
            for (CpuFile f : files) {
                if (owns(f, node)) {
                    err.println("note: " + f.location(node));
                    break;
                }
            }
        }
        return new Failure(1);
    }

    private static boolean owns(CpuFile f, XmlNode node) {
        XmlNode n = node;
        while (n.parent() != null) n = n.parent();
        return f.document().children().contains(n);
    }
}

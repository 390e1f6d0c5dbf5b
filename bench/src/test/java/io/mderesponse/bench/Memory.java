package io.mderesponse.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Resident memory of a child process from {@code /proc/<pid>/status}: now (VmRSS) and its peak so far (VmHWM). */
record Memory(long rssKb, long peakKb) {

    static Memory of(long pid) {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"));
            return new Memory(field(lines, "VmRSS:"), field(lines, "VmHWM:"));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the memory of process " + pid + " (not Linux, or gone)", e);
        }
    }

    private static long field(List<String> lines, String name) {
        return lines.stream().filter(l -> l.startsWith(name)).findFirst()
                .map(l -> Long.parseLong(l.substring(name.length()).trim().split("\\s+")[0]))
                .orElseThrow(() -> new IllegalStateException("No " + name + " in /proc status"));
    }

    long rssMb() {
        return Math.round(rssKb / 1024.0);
    }

    long peakMb() {
        return Math.round(peakKb / 1024.0);
    }
}

package io.latentbench.workbench.kernel.jupyter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.kernel.history.HistoryManager;

/** The inputs (and text outputs) of this kernel's session, for Jupyter's history requests. */
final class KernelHistory implements HistoryManager {

    /** This process is one session; Jupyter numbers sessions from 1. */
    static final int SESSION = 1;

    private record Cell(int number, String input, String output) {
    }

    private final List<Cell> cells = new ArrayList<>();

    synchronized void record(int number, String input, String output) {
        cells.add(new Cell(number, input, output));
    }

    @Override
    public synchronized List<HistoryEntry> lookupTail(int n, Set<ResultFlag> flags) {
        int from = n <= 0 ? 0 : Math.max(0, cells.size() - n);
        return entries(cells.subList(from, cells.size()), flags);
    }

    @Override
    public synchronized List<HistoryEntry> lookupRange(int session, int start, int stop, Set<ResultFlag> flags) {
        if (session != SESSION && session != 0) {
            return List.of();
        }
        List<Cell> picked = cells.stream()
                .filter(c -> c.number() >= start && (stop <= 0 || c.number() < stop))
                .toList();
        return entries(picked, flags);
    }

    /** IPython's search: a glob over the inputs ({@code *} and {@code ?}), newest last. */
    @Override
    public synchronized List<HistoryEntry> search(String glob, int n, Set<ResultFlag> flags) {
        Pattern pattern = Pattern.compile(globToRegex(glob), Pattern.DOTALL);
        List<Cell> matching = cells.stream().filter(c -> pattern.matcher(c.input()).matches()).toList();
        if (flags.contains(ResultFlag.UNIQUE)) {
            Map<String, Cell> latest = new LinkedHashMap<>();
            for (Cell c : matching) {
                latest.remove(c.input());
                latest.put(c.input(), c);
            }
            matching = List.copyOf(latest.values());
        }
        if (n > 0 && matching.size() > n) {
            matching = matching.subList(matching.size() - n, matching.size());
        }
        return entries(matching, flags);
    }

    private static List<HistoryEntry> entries(List<Cell> cells, Set<ResultFlag> flags) {
        boolean output = flags.contains(ResultFlag.INCLUDE_OUTPUT);
        return cells.stream()
                .map(c -> new HistoryEntry(SESSION, c.number(), c.input(), output ? c.output() : null))
                .toList();
    }

    private static String globToRegex(String glob) {
        StringBuilder re = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return re.toString();
    }
}

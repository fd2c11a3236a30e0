package io.latentbench.workbench.kernel.jupyter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The inputs (and text outputs) of this kernel's session, for Jupyter's history requests. Rows are
 * in the protocol's shape: {@code [session, line, input]}, or {@code [session, line, [input, output]]}
 * when output is asked for.
 */
final class KernelHistory {

    /** This process is one session; Jupyter numbers sessions from 1. */
    static final int SESSION = 1;

    private record Cell(int number, String input, String output) {
    }

    private final List<Cell> cells = new ArrayList<>();

    synchronized void record(int number, String input, String output) {
        cells.add(new Cell(number, input, output == null ? "" : output));
    }

    /** The last n cells (all when n <= 0). */
    synchronized List<Object> tail(int n, boolean output) {
        int from = n <= 0 ? 0 : Math.max(0, cells.size() - n);
        return rows(cells.subList(from, cells.size()), output);
    }

    /** Cells numbered start (inclusive) to stop (exclusive; no end when stop <= 0). */
    synchronized List<Object> range(int session, int start, int stop, boolean output) {
        if (session != SESSION && session != 0) {
            return List.of();
        }
        return rows(cells.stream().filter(c -> c.number() >= start && (stop <= 0 || c.number() < stop)).toList(), output);
    }

    /** IPython's search: a glob over the inputs ({@code *} and {@code ?}), the last n (all when n <= 0), newest last. */
    synchronized List<Object> search(String glob, int n, boolean unique, boolean output) {
        Pattern pattern = Pattern.compile(globToRegex(glob), Pattern.DOTALL);
        List<Cell> matching = cells.stream().filter(c -> pattern.matcher(c.input()).matches()).toList();
        if (unique) {
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
        return rows(matching, output);
    }

    private static List<Object> rows(List<Cell> cells, boolean output) {
        List<Object> rows = new ArrayList<>(cells.size());
        for (Cell c : cells) {
            rows.add(List.of(SESSION, c.number(), output ? List.of(c.input(), c.output()) : c.input()));
        }
        return rows;
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

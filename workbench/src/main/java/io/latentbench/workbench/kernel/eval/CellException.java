package io.latentbench.workbench.kernel.eval;

import java.util.List;

/**
 * A cell that failed, in the shape of a Jupyter {@code error} message: the error's name, its
 * value and the traceback lines (plain text, one line each).
 */
public class CellException extends RuntimeException {

    private final String ename;
    private final String evalue;
    private final List<String> traceback;

    public CellException(String ename, String evalue, List<String> traceback) {
        super(ename + ": " + evalue);
        this.ename = ename;
        this.evalue = evalue;
        this.traceback = List.copyOf(traceback);
    }

    public String ename() {
        return ename;
    }

    public String evalue() {
        return evalue;
    }

    public List<String> traceback() {
        return traceback;
    }

    /** An error whose traceback is just its one-line description. */
    public static CellException of(String ename, String evalue) {
        return new CellException(ename, evalue, List.of(ename + ": " + evalue));
    }
}
